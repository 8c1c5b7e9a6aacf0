package dev.driftless.seed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fixture files a reader must refuse with a clear message: YAML aliases, and values nested beyond Jackson's limit. */
class HostileFixturesTest {

    @Test
    void aYamlAliasIsRefusedWithItsPlace() {
        assertThatThrownBy(() -> Fixture.parse("alias.yml", """
                party:
                  - display_name: &n Ada
                    email: *n
                """)).isInstanceOf(SeedException.class).hasMessage("Cannot read fixture alias.yml:3:12: *n is a YAML"
                + " alias, and fixtures cannot use aliases (nor merge keys, <<: *name): write the value out in full"
                + " where the alias stands");
    }

    @Test
    void aliasesInsideNestedValuesAndMergeKeysAreRefusedToo() {
        assertThatThrownBy(() -> Fixture.parse("nested.yml", """
                party:
                  - settings: &s {theme: dark}
                  - settings: {copy: [1, *s]}
                """)).hasMessage("Cannot read fixture nested.yml:3:26: *s is a YAML alias, and fixtures cannot use"
                + " aliases (nor merge keys, <<: *name): write the value out in full where the alias stands");
        assertThatThrownBy(() -> Fixture.parse("merge.yml", """
                party:
                  - &base
                    kind: person
                    display_name: Ada
                  - <<: *base
                    display_name: Grace
                """)).hasMessage("Cannot read fixture merge.yml:5:9: *base is a YAML alias, and fixtures cannot use"
                + " aliases (nor merge keys, <<: *name): write the value out in full where the alias stands");
        assertThatThrownBy(() -> Fixture.parse("row.yml", "party:\n  - &r {display_name: Ada}\n  - *r\n"))
                .hasMessage("Cannot read fixture row.yml:3:5: *r is a YAML alias, and fixtures cannot use aliases"
                        + " (nor merge keys, <<: *name): write the value out in full where the alias stands");
    }

    @Test
    void aBillionLaughsFileIsRefusedAtItsFirstAlias() {
        StringBuilder yaml = new StringBuilder("party:\n  - a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            char previous = (char) (c - 1);
            yaml.append("    ").append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            yaml.append("]\n");
        }

        assertThatThrownBy(() -> Fixture.parse("laughs.yml", yaml.toString())).hasMessage("Cannot read fixture"
                + " laughs.yml:3:12: *a is a YAML alias, and fixtures cannot use aliases (nor merge keys, <<: *name):"
                + " write the value out in full where the alias stands");
    }

    @Test
    void anAnchorWithoutAliasKeepsItsValue() {
        Fixture fixture = Fixture.parse("anchor.yml", "party:\n  - display_name: &n Ada\n");

        assertThat(fixture.rows("party").get(0).values()).containsEntry("display_name", "Ada");
    }

    @Test
    void yamlNestedDeeperThanJacksonsLimitIsAClearError() {
        assertThatThrownBy(() -> Fixture.parse("deep.yml", "party:\n  - settings: " + "[".repeat(1500)
                + "]".repeat(1500) + "\n")).isInstanceOf(SeedException.class).hasMessage("Cannot read fixture"
                + " deep.yml:2:1013: Document nesting depth (1001) exceeds the maximum allowed (1000, from"
                + " `StreamReadConstraints.getMaxNestingDepth()`). A fixture value this deep or this long is beyond"
                + " what Driftless reads; flatten or shorten it, or insert it with SQL.");
    }

    @Test
    void jsonNestedDeeperThanJacksonsLimitIsAClearError() {
        assertThatThrownBy(() -> Fixture.parse("deep.json", "{\"party\": [{\"settings\": " + "[".repeat(1500)
                + "]".repeat(1500) + "}]}")).isInstanceOf(SeedException.class).hasMessage("Cannot read fixture"
                + " deep.json:1:1023: Document nesting depth (1001) exceeds the maximum allowed (1000, from"
                + " `StreamReadConstraints.getMaxNestingDepth()`). A fixture value this deep or this long is beyond"
                + " what Driftless reads; flatten or shorten it, or insert it with SQL.");
    }
}

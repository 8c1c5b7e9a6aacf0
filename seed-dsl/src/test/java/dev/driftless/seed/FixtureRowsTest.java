package dev.driftless.seed;

import dev.driftless.server.Database;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Fixture#rows()}: the rows as written, read-only, with references and placeholders as their text. */
class FixtureRowsTest {

    private static final String YAML = """
            party:
              - _alias: alice
                display_name: Alice
                vip: true
                rating: 4.50
                visits: 12
                note: ~
              - display_name: $$ref:not-a-reference
                joined_at: $now-1d
            booking:
              - party_id: $ref:alice
                starts_at: $today+7d
                details: {rooms: [1, 2], label: "big"}
            """;

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void yamlRowsKeepTheirValuesAsWritten() {
        Fixture fixture = Fixture.parse("fixtures/studio.yml", YAML);

        assertThat(fixture.tables()).containsExactly("party", "booking");
        List<Fixture.Row> rows = fixture.rows();
        assertThat(rows).extracting(Fixture.Row::describe).containsExactly(
                "fixtures/studio.yml:2, table party, row 1 (alias \"alice\")",
                "fixtures/studio.yml:8, table party, row 2",
                "fixtures/studio.yml:11, table booking, row 1");

        Fixture.Row alice = rows.get(0);
        assertThat(alice.table()).isEqualTo("party");
        assertThat(alice.alias()).contains("alice");
        assertThat(alice.source()).isEqualTo("fixtures/studio.yml");
        assertThat(alice.line()).isEqualTo(2);
        assertThat(alice.index()).isEqualTo(1);
        assertThat(alice.values()).containsExactlyEntriesOf(map("display_name", "Alice", "vip", true,
                "rating", new BigDecimal("4.50"), "visits", 12, "note", null));
        assertThat(alice.toString()).isEqualTo("fixtures/studio.yml:2, table party, row 1 (alias \"alice\")"
                + " {display_name=Alice, vip=true, rating=4.50, visits=12, note=null}");

        assertThat(rows.get(1).alias()).isEmpty();
        assertThat(rows.get(1).values()).containsExactlyEntriesOf(map("display_name", "$$ref:not-a-reference",
                "joined_at", "$now-1d"));

        assertThat(fixture.rows("booking")).singleElement().satisfies(booking -> assertThat(booking.values())
                .containsExactlyEntriesOf(map("party_id", "$ref:alice", "starts_at", "$today+7d",
                        "details", map("rooms", List.of(1, 2), "label", "big"))));
        assertThat(fixture.rows("nowhere")).isEmpty();
        assertThat(fixture.rows("party")).isEqualTo(rows.subList(0, 2));
    }

    @Test
    void theViewCannotChangeTheFixture() {
        Fixture fixture = Fixture.parse("f.yml", YAML);
        Fixture.Row booking = fixture.rows("booking").get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) booking.values().get("details");
        @SuppressWarnings("unchecked")
        List<Object> rooms = (List<Object>) details.get("rooms");

        assertThatThrownBy(() -> fixture.rows().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> booking.values().put("party_id", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> details.put("label", "small")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> rooms.add(3)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(fixture.rows("booking").get(0)).isEqualTo(booking).hasSameHashCodeAs(booking);
    }

    @Test
    void flatXmlAndCsvValuesAreTextAndNull() {
        Fixture xml = Fixture.parse("expected.xml", """
                <dataset>
                  <party _alias="bob" display_name="Bob" note="[null]" owner_id="$ref:alice"/>
                </dataset>
                """);
        assertThat(xml.rows()).singleElement().satisfies(row -> {
            assertThat(row.alias()).contains("bob");
            assertThat(row.values()).containsExactlyEntriesOf(map("display_name", "Bob", "note", null,
                    "owner_id", "$ref:alice"));
        });

        Fixture csv = Fixture.parse("party.csv", "display_name,vip,note\nCarol,true,null\n");
        assertThat(csv.rows()).singleElement().satisfies(row -> {
            assertThat(row.table()).isEqualTo("party");
            assertThat(row.values()).containsExactlyEntriesOf(map("display_name", "Carol", "vip", "true",
                    "note", null));
        });
        assertThat(Arrays.asList(xml.and(csv).rows().stream().map(Fixture.Row::table).toArray()))
                .containsExactly("party", "party");
    }

    @Test
    void rowsBuiltInJavaKeepTheirReferencesAndTheViewCopiesTheirCollections() {
        Database db = TestDatabases.fresh(Schemas.STUDIO);
        try {
            List<String> tags = new ArrayList<>(List.of("quiet"));
            Seeder seed = Seeder.on(db);
            Fixture fixture = seed.into("organisation").row("acme", r -> r.set("name", "Acme"))
                    .into("studio").row(r -> r.set("organisation_id", Seeder.ref("acme")).set("name", tags))
                    .toFixture();
            Fixture.Row studio = fixture.rows("studio").get(0);
            tags.add("changed after the view was taken");

            assertThat(studio.source()).startsWith("FixtureRowsTest.java:");
            assertThat(studio.line()).isZero();
            assertThat(studio.values()).containsExactlyEntriesOf(map("organisation_id", Ref.to("acme"),
                    "name", List.of("quiet")));
            assertThatThrownBy(() -> ((List<?>) studio.values().get("name")).clear())
                    .isInstanceOf(UnsupportedOperationException.class);

            Fixture yaml = Fixture.parse("studio.yml", """
                    organisation:
                      - _alias: north
                        name: North
                    studio:
                      - organisation_id: $ref:north
                        name: North 1
                    """);
            assertThat(yaml.rows("studio").get(0).values()).containsEntry("organisation_id", "$ref:north");
            seed.load(yaml); // the view resolved nothing: loading still resolves the reference
            assertThat(TestDatabases.single(db, "SELECT s.name FROM studio s JOIN organisation o"
                    + " USING (organisation_id) WHERE o.name = 'North'")).isEqualTo("North 1");
        } finally {
            TestDatabases.drop(db);
        }
    }
}

package dev.driftless.seed.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link SimpleYaml} reads exactly what Jackson reads, or gives the file to Jackson. */
class SimpleYamlTest {

    private static List<FixtureRow> jackson(String text) {
        return FixtureReaders.yaml("t.yml", new StringReader(text));
    }

    private static void same(String text) throws SimpleYaml.NotSimple {
        assertThat(SimpleYaml.read("t.yml", text)).as(text).isEqualTo(jackson(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Alice", "Item 1", "$ref:c1", "$ref:alice.email", "$now-1d", "$$text", "2025-01-19T10:00:00Z",
        "2025-01-11 10:11:00+00", "1", "0", "-0", "-12", "123456789", "1234567890", "12345678901234567890",
        "1.01", "10.50", "-3.25", "0.5", "true", "True", "TRUE", "false", "FALSE", "null", "Null", "NULL", "~",
        "'quoted'", "'it''s'", "\"double\"", "\"a \\\"b\\\" \\\\ c\"", "\"tab\\there\"", "a#b", "Alice # a comment",
        "'#not a comment'", "\"[null]\"", "'[DAY,NOW]'", "\"@realpestano\"", "-bar", "a:b", "http://x/y",
        "'2025-01-19'", "2025-01-19", "10:30", "12:30:00", "x y z", "\u00e9t\u00e9", "\"\"", "''"})
    void scalarsAreReadAsJacksonReadsThem(String value) throws SimpleYaml.NotSimple {
        same("party:\n  - name: " + value + "\n    other: 1\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "No", "on", "OFF", "y", "0x1F", "0o17", "1e3", "1_000", "012", "+1", ".5", "1.",
        ".inf", "-.inf", ".nan", "1.5.3", "&anchor value", "*alias", "!tag x", "[1, 2]", "{a: 1}", "|", ">",
        "\"unclosed", "'unclosed", "a: b", "- x", "\"\\u00e9\"", "@x: y",
        "[null]", "[DAY,NOW]", "@realpestano", "-foo"})
    void whatItIsNotSureOfGoesToJackson(String value) {
        assertThatThrownBy(() -> SimpleYaml.read("t.yml", "party:\n  - name: " + value + "\n"))
                .isInstanceOf(SimpleYaml.NotSimple.class);
    }

    @Test
    void layoutsAndEmptyTables() throws SimpleYaml.NotSimple {
        same("# comment\nparty:\n  - _alias: alice\n    display_name: Alice\n\n  - display_name: Bob\n"
                + "booking:\n- party_id: $ref:alice\n  status: Confirmed\nempty:\nalso_empty: []\nnone: ~\n"
                + "party:\n  -   name: spaced\n      email:\n");
        same("a:\r\n  - x: 1\r\n    y: \"2\"\r\n");
        same("");
        same("# only a comment\n");
        same("t:\n");
        same("t:\n  - a:   # nothing\n    b: ''\n");
    }

    @Test
    void structuresOutsideTheSubsetGoToJackson() {
        for (String text : List.of("---\nt:\n  - a: 1\n", "t:\n  - a:\n      nested: 1\n", "t:\n  - a:\n    - 1\n",
                "t:\n  -\n    a: 1\n", "t:\n\t- a: 1\n", "t: [ {a: 1} ]\n", "t:\n  - a: |\n      text\n",
                "t:\n  - a: 1\n    a: 2\n", "t:\n  - <<: *x\n", "t:\n  - a: \"line\n      more\"\n",
                "t:\n  - a: 1\n   b: 2\n", "\"t\":\n  - a: 1\n", "t:\n  - _alias: 1\n")) {
            assertThatThrownBy(() -> SimpleYaml.read("t.yml", text)).as(text).isInstanceOf(SimpleYaml.NotSimple.class);
        }
    }

    @Test
    void everyYamlFixtureOfTheTestsReadsAsWithJackson() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                try {
                    assertThat(SimpleYaml.read("t.yml", text)).as(file.toString()).isEqualTo(jackson(text));
                } catch (SimpleYaml.NotSimple e) {
                    // read by Jackson, as before
                } catch (RuntimeException e) {
                    // a fixture that Jackson refuses too is tested by its own test
                }
            }
        }
    }
}

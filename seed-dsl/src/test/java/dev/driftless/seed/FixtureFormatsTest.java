package dev.driftless.seed;

import dev.driftless.server.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static dev.driftless.seed.TestDatabases.query;
import static dev.driftless.seed.TestDatabases.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FixtureFormatsTest {

    private Database db;
    private Seeder seed;

    @BeforeEach
    void setUp() {
        db = TestDatabases.fresh(Schemas.STUDIO);
        seed = Seeder.on(db);
    }

    @AfterEach
    void tearDown() {
        TestDatabases.drop(db);
    }

    @Test
    void dbUnitFlatXml() {
        seed.load("fixtures/formats/studio.xml");

        assertThat(query(db, "SELECT s.studio_id, s.name, o.name FROM studio s JOIN organisation o"
                + " USING (organisation_id) ORDER BY 1")).containsExactly(
                List.of("1", "South & Sons", "Acme"), List.of("10", "North", "Acme"));
        assertThat(seed.row("south").getLong("studio_id")).isEqualTo(1L);
        assertThat(query(db, "SELECT body FROM note ORDER BY note_id")).containsExactly(
                Arrays.asList((String) null), List.of("[NULL] is null, this is not"));
    }

    @Test
    void dbUnitCsvDatasetFromTheClassPathAndFromADirectory(@TempDir Path dir) throws Exception {
        seed.load("fixtures/csv-dataset");

        assertThat(query(db, "SELECT o.name, s.name FROM studio s JOIN organisation o USING (organisation_id)"
                + " ORDER BY o.organisation_id")).containsExactly(List.of("Acme", "North"),
                List.of("Comma, Quote \" and\nnewline", "Second"));
        assertThat(query(db, "SELECT body FROM note")).containsExactly(Arrays.asList((String) null));
        assertThat(seed.row("north").get("name")).isEqualTo("North");

        Database other = TestDatabases.fresh(Schemas.STUDIO);
        try {
            Files.writeString(dir.resolve("organisation.csv"), "organisation_id,name\n5,Five\n");
            Seeder.on(other).load(dir);
            assertThat(single(other, "SELECT name FROM organisation WHERE organisation_id = 5")).isEqualTo("Five");
        } finally {
            TestDatabases.drop(other);
        }
    }

    @Test
    void databaseRiderYaml() {
        seed.load("fixtures/formats/rider.yml");

        assertThat(query(db, "SELECT s.name, o.name FROM studio s JOIN organisation o USING (organisation_id)"))
                .containsExactly(List.of("North", "Acme"));
    }

    @Test
    void severalFilesInDifferentFormatsMergeInOrder() {
        seed.load("fixtures/formats/part3.xml", "fixtures/formats/part2.json", "fixtures/formats/part1.yml");

        assertThat(query(db, "SELECT r.name, s.name, o.name FROM room r JOIN studio s USING (studio_id)"
                + " JOIN organisation o USING (organisation_id)")).containsExactly(List.of("Red", "North", "Acme"));
        assertThat(query(db, "SELECT name FROM organisation ORDER BY organisation_id"))
                .containsExactly(List.of("Second"), List.of("Acme"));
    }

    @Test
    void aFileOnDiskWinsOverTheClassPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("org.yml");
        Files.writeString(file, "organisation:\n  - name: From disk\n");
        seed.load(file.toString());

        assertThat(single(db, "SELECT name FROM organisation")).isEqualTo("From disk");
    }

    @Test
    void missingAndMalformedFilesAreReported() {
        String cwd = java.nio.file.Path.of("").toAbsolutePath().toString();
        assertThatThrownBy(() -> seed.load("fixtures/nope.yml"))
                .hasMessage("No fixtures found at 'fixtures/nope.yml': nothing exists there. Searched:\n"
                        + "  " + cwd + "/fixtures/nope.yml (file system)\n"
                        + "  classpath:fixtures/nope.yml (class path)\n"
                        + "Check the spelling; a file path is resolved against the working directory " + cwd
                        + ", a 'classpath:' location against the class path.");
        assertThatThrownBy(() -> seed.load(Fixture.parse("list.yml", "- a\n- b\n")))
                .hasMessage("Cannot read fixture list.yml:1: expected a map of table names to lists of rows, found"
                        + " START_ARRAY. A fixture maps table names to lists of rows, e.g.\n  party:\n"
                        + "    - _alias: alice\n      display_name: Alice");
        assertThatThrownBy(() -> Fixture.parse("data.txt", "x"))
                .hasMessage("Cannot read fixture data.txt: unknown format. Name the file .yml, .yaml, .json, .xml"
                        + " (DbUnit flat XML) or .csv, or point at a DbUnit CSV dataset directory.");
    }
}

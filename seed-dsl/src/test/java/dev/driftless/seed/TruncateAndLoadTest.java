package dev.driftless.seed;

import dev.driftless.server.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.driftless.seed.TestDatabases.execute;
import static dev.driftless.seed.TestDatabases.query;
import static dev.driftless.seed.TestDatabases.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Seeder#truncateAndLoad(Fixture...)}: checks first, then empties and loads in one transaction. */
class TruncateAndLoadTest {

    private Database db;
    private Seeder seed;

    @BeforeEach
    void setUp() {
        db = TestDatabases.fresh(Schemas.STUDIO);
        seed = Seeder.on(db);
        execute(db, "INSERT INTO note (body) SELECT 'dev ' || i FROM generate_series(1, 200) i");
    }

    @AfterEach
    void tearDown() {
        TestDatabases.drop(db);
    }

    @Test
    void replacesTheRowsAndRestartsIdentity() {
        execute(db, "INSERT INTO archive.old_note (body) VALUES ('old')");
        seed.truncateAndLoad(Fixture.parse("notes.yml", """
                note:
                  - _alias: first
                    body: First
                  - body: Second
                archive.old_note:
                  - body: Archived
                """));

        assertThat(query(db, "SELECT note_id, body FROM note ORDER BY note_id"))
                .containsExactly(List.of("1", "First"), List.of("2", "Second"));
        assertThat(seed.row("first").getLong("note_id")).isEqualTo(1L);
        assertThat(query(db, "SELECT id, body FROM archive.old_note")).containsExactly(List.of("1", "Archived"));
    }

    @Test
    void aMisspeltColumnTruncatesNothing() {
        Fixture typo = Fixture.parse("typo.yml", """
                note:
                  - body: First
                  - boby: Second
                """);

        assertThatThrownBy(() -> seed.truncateAndLoad(typo)).isInstanceOf(SeedException.class).hasMessage(
                "Cannot load fixtures: 1 problem found before anything was changed:\n"
                + "  - typo.yml:3, table note, row 2, column boby: table note has no column \"boby\";"
                + " did you mean \"body\"?\n"
                + "Nothing was changed: the tables were not truncated and no row was inserted."
                + " Fix the fixture and load again.");
        assertThat(single(db, "SELECT count(*) FROM note")).isEqualTo("200");
    }

    @Test
    void aRowThatFailsDuringTheLoadRollsTheTruncationBack() {
        Fixture duplicate = Fixture.parse("duplicate.yml", """
                note:
                  - note_id: 1
                    body: First
                  - note_id: 1
                    body: Second
                """);

        assertThatThrownBy(() -> seed.truncateAndLoad(duplicate)).isInstanceOf(SeedException.class).hasMessage(
                "Cannot load fixtures: duplicate.yml:4, table note, row 2, column note_id (integer) = \"1\":"
                + " [23505] duplicate key value violates unique constraint \"note_pkey\"\n"
                + "  Detail: Key (note_id)=(1) already exists.\n"
                + "  Each row needs its own key: remove the duplicate, or leave the key to its default.\n"
                + "Nothing was changed: the whole load was rolled back, the truncation included; the tables hold"
                + " the rows they held before.");
        assertThat(single(db, "SELECT count(*) FROM note")).isEqualTo("200");
        assertThat(single(db, "SELECT body FROM note WHERE note_id = 1")).isEqualTo("dev 1");
    }

    @Test
    void aTableThatCannotBeTruncatedChangesNothing() {
        execute(db, "INSERT INTO organisation (name) VALUES ('Kept')");
        execute(db, "INSERT INTO studio (organisation_id, name) VALUES (1, 'kept')");

        assertThatThrownBy(() -> seed.truncateAndLoad(Fixture.parse("orgs.yml", "organisation:\n  - name: Acme\n")))
                .isInstanceOf(SeedException.class).hasMessage(
                "Cannot load fixtures: cannot truncate organisation: [0A000] cannot truncate a table referenced in a"
                + " foreign key constraint\n"
                + "  Detail: Table \"studio\" references \"organisation\".\n"
                + "  Hint: Truncate table \"studio\" at the same time, or use TRUNCATE ... CASCADE.\n"
                + "  Every table that refers to a truncated table must have rows in the fixtures too.\n"
                + "Nothing was changed: the tables were not truncated and no row was inserted.");
        assertThat(single(db, "SELECT name FROM organisation")).isEqualTo("Kept");
        assertThat(single(db, "SELECT name FROM studio")).isEqualTo("kept");
    }

    @Test
    void truncatingATableOthersReferToQuotesTheServerOnce() {
        assertThatThrownBy(() -> seed.truncate("organisation")).isInstanceOf(SeedException.class).hasMessage(
                "Cannot truncate: [0A000] cannot truncate a table referenced in a foreign key constraint\n"
                + "  Detail: Table \"studio\" references \"organisation\".\n"
                + "  Hint: Truncate table \"studio\" at the same time, or use TRUNCATE ... CASCADE.\n"
                + "List every table that refers to these tables in the same call.");
    }

    @Test
    void aliasesOfEmptiedTablesAreForgottenOthersKept() {
        seed.into("employee").row("boss", r -> r.set("name", "Boss")).load();
        seed.truncateAndLoad(Fixture.parse("notes.yml", "note:\n  - _alias: acme\n    body: Acme\n"));

        assertThat(seed.row("boss").get("name")).isEqualTo("Boss");
        seed.truncateAndLoad(Fixture.parse("employees.yml", "employee:\n  - _alias: other\n    name: Other\n"));
        assertThatThrownBy(() -> seed.row("boss")).hasMessage("No loaded row has alias \"boss\"");
        assertThat(seed.row("acme").get("body")).isEqualTo("Acme");
    }

    @Test
    void rowCountsFindTablesAsFixturesNameThem() {
        assertThat(seed.rowCounts("note", "archive.old_note", "nowhere"))
                .containsExactly(java.util.Map.entry("note", 200L), java.util.Map.entry("archive.old_note", 0L));
    }
}

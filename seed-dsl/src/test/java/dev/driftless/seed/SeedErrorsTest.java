package dev.driftless.seed;

import dev.driftless.server.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.driftless.seed.Seeder.ref;
import static dev.driftless.seed.TestDatabases.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedErrorsTest {

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

    private void assertNothingInserted() {
        assertThat(single(db, "SELECT (SELECT count(*) FROM organisation) + (SELECT count(*) FROM studio)"
                + " + (SELECT count(*) FROM room) + (SELECT count(*) FROM booking)")).isEqualTo("0");
    }

    @Test
    void unknownColumnAndTableAreReportedWithSuggestionsBeforeInserting() {
        assertThatThrownBy(() -> seed.load("fixtures/errors/unknown-column.yml"))
                .isInstanceOf(SeedException.class)
                .hasMessage("Cannot load fixtures: 2 problems found before anything was inserted:\n" +
                        "  - fixtures/errors/unknown-column.yml:5, table studio, row 1 (alias \"north\"), column nmae: table studio has no column \"nmae\"; did you mean \"name\"?\n" +
                        "  - fixtures/errors/unknown-column.yml:9, table bookings, row 1: unknown table \"bookings\"; did you mean \"booking\"?\n" +
                        "Nothing was inserted. Fix the fixture and load again.");
        assertNothingInserted();
    }

    @Test
    void foreignKeyViolation() {
        assertThatThrownBy(() -> seed.load("fixtures/errors/fk-violation.yml"))
                .hasMessage("Cannot load fixtures: fixtures/errors/fk-violation.yml:7, table studio, row 2 (alias \"ghost\"), column organisation_id (bigint) = \"999\": [23503] insert or update on table \"studio\" violates foreign key constraint \"studio_organisation_id_fkey\"\n" +
                        "  Detail: Key (organisation_id)=(999) is not present in table \"organisation\".\n" +
                        "  Add the referenced row to the fixture, or refer to it with $ref:<alias> instead of a literal key.\n" +
                        "Nothing was inserted: the whole load was rolled back.");
        assertNothingInserted();
    }

    @Test
    void typeError() {
        assertThatThrownBy(() -> seed.load("fixtures/errors/type-error.yml"))
                .hasMessage("Cannot load fixtures: fixtures/errors/type-error.yml:13, table booking, row 2, column seats (integer) = \"many\": [22P02] invalid input syntax for type integer: \"many\"\n" +
                        "  Write the value as PostgreSQL's input for the column's type accepts it.\n" +
                        "Nothing was inserted: the whole load was rolled back.");
        assertNothingInserted();
    }

    @Test
    void duplicateAliasAcrossFiles() {
        assertThatThrownBy(() -> seed.load("fixtures/errors/duplicate-alias-a.yml", "fixtures/errors/duplicate-alias-b.yml"))
                .hasMessage("Cannot load fixtures: 1 problem found before anything was inserted:\n" +
                        "  - fixtures/errors/duplicate-alias-b.yml:3, table organisation, row 2 (alias \"acme\"): duplicate alias \"acme\"; it already names fixtures/errors/duplicate-alias-a.yml:2, table organisation, row 1 (alias \"acme\"). Give each row its own alias.\n" +
                        "Nothing was inserted. Fix the fixture and load again.");
        assertNothingInserted();
    }

    @Test
    void unknownAlias() {
        assertThatThrownBy(() -> seed.load("fixtures/errors/unknown-alias.yml"))
                .hasMessage("Cannot load fixtures: 1 problem found before anything was inserted:\n" +
                        "  - fixtures/errors/unknown-alias.yml:5, table studio, row 1, column organisation_id: unknown alias \"acem\" in $ref:acem; did you mean \"acme\"?\n" +
                        "Nothing was inserted. Fix the fixture and load again.");
        assertNothingInserted();
    }

    @Test
    void typeErrorInTheJavaDsl() {
        assertThatThrownBy(() -> seed.into("organisation").row("acme", r -> r.set("name", "Acme"))
                .into("studio").row("north", r -> r.set("organisation_id", ref("acme")).set("name", "N"))
                .into("room").row("red", r -> r.set("studio_id", ref("north")).set("name", "Red"))
                .into("booking").row("b", r -> r.set("room_id", ref("red")).set("starts_at", "next tuesday"))
                .load())
                .hasMessage("Cannot load fixtures: SeedErrorsTest.java:87, table booking, row 1 (alias \"b\"), column starts_at (timestamp with time zone) = \"next tuesday\": [22007] invalid input syntax for type timestamp with time zone: \"next tuesday\"\n" +
                        "  Write the value as PostgreSQL's input for the column's type accepts it.\n" +
                        "Nothing was inserted: the whole load was rolled back.");
        assertNothingInserted();
    }

    @Test
    void typeErrorInACopiedRun() {
        TableRows rows = Seeder.on(db).withCopyThreshold(5).into("organisation").row("acme", r -> r.set("name", "A"))
                .into("studio");
        for (int i = 1; i <= 20; i++) {
            int n = i;
            rows.row(r -> r.set("organisation_id", n == 13 ? "thirteen" : ref("acme")).set("name", "S" + n));
        }
        assertThatThrownBy(rows::load).hasMessage("Cannot load fixtures: SeedErrorsTest.java:98, table studio, row 13, column organisation_id (bigint) = \"thirteen\": [22P02] invalid input syntax for type bigint: \"thirteen\"\n" +
                        "  Write the value as PostgreSQL's input for the column's type accepts it.\n" +
                        "Nothing was inserted: the whole load was rolled back.");
        assertNothingInserted();
    }

    @Test
    void foreignKeyViolationInACopiedRun() {
        TableRows rows = Seeder.on(db).withCopyThreshold(5).into("organisation").row("acme", r -> r.set("name", "A"))
                .into("studio");
        for (int i = 1; i <= 20; i++) {
            int n = i;
            rows.row(r -> r.set("organisation_id", n == 13 ? 7 : 1).set("name", "S" + n));
        }
        assertThatThrownBy(rows::load).hasMessage("Cannot load fixtures: SeedErrorsTest.java:112, table studio, row 13, column organisation_id (bigint) = \"7\": [23503] insert or update on table \"studio\" violates foreign key constraint \"studio_organisation_id_fkey\"\n" +
                        "  Detail: Key (organisation_id)=(7) is not present in table \"organisation\".\n" +
                        "  Add the referenced row to the fixture, or refer to it with $ref:<alias> instead of a literal key.\n" +
                        "Nothing was inserted: the whole load was rolled back.");
        assertNothingInserted();
    }

    @Test
    void notNullCycleIsExplained() {
        assertThatThrownBy(() -> seed.into("left_hand").row("l", r -> r.set("id", ref("r", "left_id")).set("right_id", ref("r")))
                .into("right_hand").row("r", r -> r.set("left_id", ref("l"))).load())
                .hasMessage("Cannot load fixtures: SeedErrorsTest.java:126, table left_hand, row 1 (alias \"l\"), column id: rows refer to each other in a cycle through r (SeedErrorsTest.java:127, table right_hand, row 1 (alias \"r\")), and column id is NOT NULL, so neither row can be inserted first. Make the column nullable, or give the referenced key explicitly in the fixture and make the foreign key DEFERRABLE.\n" +
                        "Nothing was inserted: the whole load was rolled back.");
    }

    @Test
    void aTypeErrorInAReferenceSetAfterTheCycleNamesThatColumn() {
        // a waits for b and b for a: a goes first without manager_id, which an UPDATE sets to b's name afterwards.
        assertThatThrownBy(() -> seed.into("employee")
                .row("a", r -> r.set("name", "Ann").set("manager_id", ref("b", "name")))
                .row("b", r -> r.set("name", "Bob").set("manager_id", ref("a")))
                .load())
                .hasMessage("Cannot load fixtures: SeedErrorsTest.java:135, table employee, row 1 (alias \"a\"), column"
                        + " manager_id (integer) = \"Bob\": [22P02] invalid input syntax for type integer: \"Bob\"\n"
                        + "  Write the value as PostgreSQL's input for the column's type accepts it.\n"
                        + "Nothing was inserted: the whole load was rolled back.");
        assertThat(single(db, "SELECT count(*) FROM employee")).isEqualTo("0");
    }

    @Test
    void aForeignKeyCheckedOnlyAtCommitFailsAsPartOfTheLoad() {
        TestDatabases.execute(db, "CREATE TABLE loan (loan_id serial PRIMARY KEY,"
                + " organisation_id bigint REFERENCES organisation DEFERRABLE INITIALLY DEFERRED)");

        assertThatThrownBy(() -> seed.load(Fixture.parse("loans.yml", "loan:\n  - organisation_id: 42\n")))
                .isInstanceOf(SeedException.class)
                .hasMessage("Cannot load fixtures: a deferred constraint failed when checked at the end of the load:"
                        + " [23503] insert or update on table \"loan\" violates foreign key constraint"
                        + " \"loan_organisation_id_fkey\"\n"
                        + "  Detail: Key (organisation_id)=(42) is not present in table \"organisation\".\n"
                        + "  Add the referenced row to the fixture, or refer to it with $ref:<alias> instead of a literal"
                        + " key.\n"
                        + "Nothing was inserted: the whole load was rolled back.");
        assertThat(single(db, "SELECT count(*) FROM loan")).isEqualTo("0");
    }

    @Test
    void everyProblemFoundBeforeInsertingIsListed() {
        TestDatabases.execute(db, "ALTER TABLE note ADD COLUMN shout text GENERATED ALWAYS AS (upper(body)) STORED");
        assertThatThrownBy(() -> seed.load(Fixture.parse("many.yml", """
                organisation:
                  - _alias: acme
                    name: {not: text}
                studio:
                  - _alias: north
                    organisation_id: $ref:north
                    name: $ref:acme.nme
                room:
                  - studio_id: "$ref:"
                    name: $now+1y
                note:
                  - shout: LOUD
                    about: $ref:acme
                """)))
                .hasMessage("""
                        Cannot load fixtures: 6 problems found before anything was inserted:
                          - many.yml:2, table organisation, row 1 (alias "acme"), column name: a map fits only a json, jsonb\
                         or array column, and this one is text
                          - many.yml:9, table room, row 1, column studio_id: "$ref:" is not a reference; write $ref:alias or\
                         $ref:alias.column
                          - many.yml:9, table room, row 1, column name: "$now+1y" is not a time placeholder; write e.g. $now,\
                         $now-1d, $now+2h or $today+7d (units s, m, h, d, w), or $$ for a literal $
                          - many.yml:12, table note, row 1, column shout: the column is generated (computed from other\
                         columns) and cannot be given a value; leave it out.
                          - many.yml:5, table studio, row 1 (alias "north"), column organisation_id: $ref:north is a row of\
                         table studio, but column organisation_id references organisation. Refer to a row of that table.
                          - many.yml:5, table studio, row 1 (alias "north"), column name: $ref:acme.nme names column "nme",\
                         which table organisation does not have; did you mean "name"?
                        Nothing was inserted. Fix the fixture and load again.""");
    }

    @Test
    void aReferenceToAnUnknownAliasWhenNoRowHasOne() {
        assertThatThrownBy(() -> seed.into("studio").row(r -> r.set("organisation_id", ref("acme")).set("name", "N"))
                .load())
                .hasMessageEndingWith(", table studio, row 1, column organisation_id: unknown alias \"acme\" in"
                        + " $ref:acme; no row has an alias yet (give the referenced row an _alias)\n"
                        + "Nothing was inserted. Fix the fixture and load again.");
    }
}

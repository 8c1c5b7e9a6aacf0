package dev.driftless.seed;

import dev.driftless.server.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.driftless.seed.Seeder.ref;
import static dev.driftless.seed.TestDatabases.query;
import static dev.driftless.seed.TestDatabases.single;
import static org.assertj.core.api.Assertions.assertThat;

class SeederTest {

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
    void fourLevelHierarchyGivenChildrenFirstIsInsertedParentsFirst() {
        seed.into("booking").row("b1", r -> r.set("room_id", ref("red")).set("starts_at", "2025-01-19T10:00:00Z"))
                .into("room").row("red", r -> r.set("studio_id", ref("north")).set("name", "Red"))
                .into("studio").row("north", r -> r.set("organisation_id", ref("acme")).set("name", "North"))
                .into("organisation").row("acme", r -> r.set("name", "Acme"))
                .load();

        assertThat(query(db, "SELECT o.name, s.name, r.name, b.status, b.starts_at AT TIME ZONE 'UTC'"
                + " FROM booking b JOIN room r USING (room_id) JOIN studio s USING (studio_id)"
                + " JOIN organisation o USING (organisation_id)"))
                .containsExactly(List.of("Acme", "North", "Red", "Pending", "2025-01-19 10:00:00"));
        assertThat(seed.row("red").get("room_id")).matches("[0-9a-f-]{36}");
        assertThat(seed.row("b1").get("room_id")).isEqualTo(seed.row("red").get("room_id"));
        assertThat(seed.row("acme").getLong("organisation_id")).isEqualTo(1L);
    }

    @Test
    void fourLevelHierarchyFromYamlInReverseOrder() {
        seed.load(Fixture.parse("reverse.yml", """
                booking:
                  - room_id: $ref:red
                    starts_at: 2025-01-19T10:00:00Z
                    status: Confirmed
                room:
                  - _alias: red
                    studio_id: $ref:north
                    name: Red
                studio:
                  - _alias: north
                    organisation_id: $ref:acme
                    name: North
                organisation:
                  - _alias: acme
                    name: Acme
                """));

        assertThat(query(db, "SELECT o.name, s.name, r.name, b.status FROM booking b JOIN room r USING (room_id)"
                + " JOIN studio s USING (studio_id) JOIN organisation o USING (organisation_id)"))
                .containsExactly(List.of("Acme", "North", "Red", "Confirmed"));
    }

    @Test
    void selfReferencingRowsAreInsertedManagersFirst() {
        seed.into("employee")
                .row("dev", r -> r.set("name", "Dev").set("manager_id", ref("lead")))
                .row("lead", r -> r.set("name", "Lead").set("manager_id", ref("boss")))
                .row("boss", r -> r.set("name", "Boss"))
                .load();

        assertThat(query(db, "SELECT e.name, m.name FROM employee e LEFT JOIN employee m"
                + " ON m.employee_id = e.manager_id ORDER BY e.name"))
                .containsExactly(Arrays.asList("Boss", null), List.of("Dev", "Lead"), List.of("Lead", "Boss"));
    }

    @Test
    void aRowReferringToItselfIsInsertedThenUpdated() {
        seed.into("employee").row("solo", r -> r.set("name", "Solo").set("manager_id", ref("solo"))).load();

        assertThat(query(db, "SELECT name, manager_id = employee_id FROM employee"))
                .containsExactly(List.of("Solo", "t"));
        assertThat(seed.row("solo").get("manager_id")).isEqualTo(seed.row("solo").get("employee_id"));
    }

    @Test
    void mutuallyReferencingTablesWithGeneratedKeysAreInsertedThenUpdated() {
        seed.load(Fixture.parse("mutual.yml", """
                team:
                  - _alias: reds
                    name: Reds
                    captain_id: $ref:alice
                player:
                  - _alias: alice
                    name: Alice
                    team_id: $ref:reds
                  - name: Bob
                    team_id: $ref:reds
                """));

        assertThat(query(db, "SELECT t.name, c.name, (SELECT count(*) FROM player p WHERE p.team_id = t.team_id)"
                + " FROM team t JOIN player c ON c.player_id = t.captain_id"))
                .containsExactly(List.of("Reds", "Alice", "2"));
    }

    @Test
    void mutuallyReferencingNotNullColumnsWithExplicitKeysUseDeferrableConstraints() {
        seed.into("left_hand").row("l", r -> r.set("id", 1).set("right_id", ref("r")))
                .into("right_hand").row("r", r -> r.set("id", 2).set("left_id", ref("l")))
                .load();

        assertThat(query(db, "SELECT l.id, r.id FROM left_hand l JOIN right_hand r ON r.id = l.right_id"
                + " AND r.left_id = l.id")).containsExactly(List.of("1", "2"));
    }

    @Test
    void compositeForeignKeyIsFilledFromOneReference() {
        seed.into("item").row(r -> r.set("warehouse", ref("top")).set("name", "Lamp"))
                .into("shelf").row("top", r -> r.set("warehouse", "W1").set("shelf_no", 7).set("label", "Top"))
                .load();

        assertThat(query(db, "SELECT i.name, i.warehouse, i.shelf_no, s.label FROM item i JOIN shelf s"
                + " USING (warehouse, shelf_no)")).containsExactly(List.of("Lamp", "W1", "7", "Top"));
    }

    @Test
    void referenceToANamedColumnOfAnotherRowAndATableRepeatedInOneFile() {
        seed.load(Fixture.parse("column-ref.yml", """
                organisation:
                  - _alias: acme
                    name: Acme
                studio:
                  - organisation_id: $ref:acme
                    name: $ref:acme.name
                note:
                  - about: $ref:red.room_id
                    body: $ref:red.name
                room:
                  - _alias: red
                    studio_id: $ref:north
                    name: Red room
                studio:
                  - _alias: north
                    organisation_id: $ref:acme
                    name: North
                """));

        assertThat(query(db, "SELECT name FROM studio ORDER BY studio_id")).containsExactly(List.of("Acme"),
                List.of("North"));
        assertThat(query(db, "SELECT n.body, n.about = r.room_id FROM note n, room r"))
                .containsExactly(List.of("Red room", "t"));
    }

    @Test
    void explicitKeysMoveSequencesAndIdentityPastTheHighestValue() {
        seed.into("organisation").row(r -> r.set("organisation_id", 41).set("name", "Explicit"))
                .into("booking").row(r -> r.set("booking_id", 90).set("room_id", ref("room"))
                        .set("starts_at", "2025-01-01 09:00+00"))
                .into("room").row("room", r -> r.set("studio_id", ref("studio")).set("name", "R"))
                .into("studio").row("studio", r -> r.set("organisation_id", 41).set("name", "S"))
                .load();

        TestDatabases.execute(db, "INSERT INTO organisation (name) VALUES ('Next')");
        TestDatabases.execute(db, "INSERT INTO booking (room_id, starts_at) SELECT room_id, now() FROM room");
        assertThat(single(db, "SELECT organisation_id FROM organisation WHERE name = 'Next'")).isEqualTo("42");
        assertThat(single(db, "SELECT max(booking_id) FROM booking")).isEqualTo("91");
    }

    @Test
    void laterLoadsReferToAliasesOfEarlierLoads() {
        seed.into("organisation").row("acme", r -> r.set("name", "Acme")).load();
        seed.into("studio").row(r -> r.set("organisation_id", ref("acme")).set("name", "North")).load();

        assertThat(single(db, "SELECT o.name FROM studio s JOIN organisation o USING (organisation_id)"))
                .isEqualTo("Acme");
    }

    @Test
    void bigRunsGoThroughCopyAndStillResolveReferences() {
        Seeder copying = Seeder.on(db).withCopyThreshold(10);
        TableRows rows = copying.into("organisation").row("acme", r -> r.set("name", "Acme"))
                .into("studio");
        for (int i = 0; i < 250; i++) {
            int n = i;
            rows.row(r -> r.set("organisation_id", ref("acme")).set("name", "Studio\t" + n + "\nline"));
        }
        rows.row("last", r -> r.set("organisation_id", ref("acme")).set("name", "Last")).load();

        assertThat(single(db, "SELECT count(*) FROM studio WHERE organisation_id = 1")).isEqualTo("251");
        assertThat(single(db, "SELECT name FROM studio WHERE studio_id = 3")).isEqualTo("Studio\t2\nline");
        assertThat(copying.row("last").getLong("studio_id")).isEqualTo(251L);
    }

    @Test
    void schemaQualifiedTablesAndRowsWithOnlyDefaults() {
        seed.into("archive.old_note").row(r -> r.set("body", "kept")).row(r -> { })
                .into("note").row(r -> { })
                .load();

        assertThat(query(db, "SELECT id, body FROM archive.old_note ORDER BY id"))
                .containsExactly(List.of("1", "kept"), Arrays.asList("2", null));
        assertThat(single(db, "SELECT count(*) FROM note")).isEqualTo("1");
    }

    @Test
    void truncateEmptiesTablesAndRestartsIdentity() {
        seed.into("organisation").row("acme", r -> r.set("name", "Acme"))
                .into("studio").row(r -> r.set("organisation_id", ref("acme")).set("name", "S")).load();

        seed.truncateSeeded();
        assertThat(single(db, "SELECT count(*) FROM organisation")).isEqualTo("0");
        seed.into("organisation").row("acme", r -> r.set("name", "Again")).load();
        assertThat(seed.row("acme").getLong("organisation_id")).isEqualTo(1L);

        seed.truncate("room", "studio", "booking", "organisation");
        assertThat(single(db, "SELECT count(*) FROM organisation")).isEqualTo("0");
    }
}

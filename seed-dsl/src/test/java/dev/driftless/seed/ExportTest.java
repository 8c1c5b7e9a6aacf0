package dev.driftless.seed;

import dev.driftless.server.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.driftless.seed.Seeder.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportTest {

    private static final String SCHEMA = Schemas.STUDIO + TypesTest.SCHEMA;
    private static final String[] TABLES = {"booking", "room", "studio", "organisation", "item", "shelf", "employee",
        "team", "player", "left_hand", "right_hand", "note", "archive.old_note", "everything"};

    private Database db;
    private Database copy;

    @BeforeEach
    void setUp() {
        db = TestDatabases.fresh(SCHEMA);
        copy = TestDatabases.fresh(SCHEMA);
    }

    @AfterEach
    void tearDown() {
        TestDatabases.drop(db);
        TestDatabases.drop(copy);
    }

    @Test
    void exportLoadIntoAnEmptyDatabaseAndExportAgainIsIdentical(@org.junit.jupiter.api.io.TempDir Path dir) {
        Seeder seed = Seeder.on(db);
        seed.into("organisation").row("acme", r -> r.set("name", "Acme")).row(r -> r.set("name", "true"))
                .into("studio").row("north", r -> r.set("organisation_id", ref("acme")).set("name", "$weird: yes"))
                .into("room").row("red", r -> r.set("studio_id", ref("north")).set("name", "Red\nmulti-line"))
                .into("booking").row(r -> r.set("room_id", ref("red")).set("starts_at", "2025-01-19T10:00:00Z")
                        .set("seats", 3))
                .into("shelf").row("top", r -> r.set("warehouse", "W-1").set("shelf_no", 7).set("label", ""))
                .into("item").row(r -> r.set("warehouse", ref("top")).set("name", "null"))
                .into("employee").row("boss", r -> r.set("name", "Boss").set("manager_id", ref("boss")))
                .row(r -> r.set("name", "Dev").set("manager_id", ref("boss")))
                .into("team").row("reds", r -> r.set("name", "Reds").set("captain_id", ref("alice")))
                .into("player").row("alice", r -> r.set("name", "Alice").set("team_id", ref("reds")))
                .into("left_hand").row("l", r -> r.set("id", 1).set("right_id", ref("r")))
                .into("right_hand").row("r", r -> r.set("id", 2).set("left_id", ref("l")))
                .into("note").row(r -> r.set("about", ref("red", "room_id")).set("body", "123"))
                .into("archive.old_note").row(r -> r.set("body", null))
                .load();
        seed.load(Fixture.parse("types.yml", "everything:\n  - id: 5\n    num: 0.0000001\n    f8: NaN\n"
                + "    j: {\"b\": 1, \"a\": [1.50, \"x\"]}\n    ia: [[1, 2], [3, null]]\n    bin: AAEC/w==\n"
                + "    ma: [happy]\n    tstz: 2025-01-19T10:00:00Z\n    iv: P1DT2H\n    t: \"\"\n"));

        String first = seed.export(TABLES);
        Path file = dir.resolve("exported.yml");
        seed.export(file, TABLES);
        Seeder.on(copy).load(file);
        String second = Seeder.on(copy).export(TABLES);

        assertThat(second).isEqualTo(first);
        assertThat(first).startsWith("""
                organisation:
                  - _alias: organisation_1
                    organisation_id: 1
                    name: Acme
                  - organisation_id: 2
                    name: "true"
                studio:
                  - _alias: studio_1
                    studio_id: 1
                    organisation_id: $ref:organisation_1
                    name: "$$weird: yes"
                """);
        assertThat(first).contains("""
                employee:
                  - _alias: employee_1
                    employee_id: 1
                    name: Boss
                    manager_id: $ref:employee_1
                  - employee_id: 2
                    name: Dev
                    manager_id: $ref:employee_1
                """);
        assertThat(first).contains("""
                item:
                  - item_id: 1
                    warehouse: $ref:shelf_W-1_7
                    shelf_no: $ref:shelf_W-1_7
                    name: "null"
                """);
    }

    @Test
    void unknownTablesAreReportedWithASuggestion() {
        assertThatThrownBy(() -> Seeder.on(db).export("organisations", "studio"))
                .hasMessage("Cannot export: unknown table \"organisations\"; did you mean \"organisation\"?.");
    }

    @Test
    void exportedFileIsWritten(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Seeder seed = Seeder.on(db);
        seed.into("organisation").row(r -> r.set("name", "Acme")).load();
        Path file = dir.resolve("org.yml");
        seed.export(file, "organisation");

        assertThat(Files.readString(file)).isEqualTo("organisation:\n  - organisation_id: 1\n    name: Acme\n");
    }
}

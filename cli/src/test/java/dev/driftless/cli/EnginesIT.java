package dev.driftless.cli;

import dev.driftless.migration.FlywaySettings;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code EnginesIT} runs the real jar, which carries Flyway and Liquibase, on Flyway folders: the engine picked
 * ({@code --engine}, the library's EngineSelector), the line that says which and why, and the verdicts.
 */
class EnginesIT {

    private static final String DIR = "src/test/resources/cli/flyway/";
    private static final String OK = DIR + "ok";
    private static final String FLYWAY = FlywaySettings.defaults().withLocations("filesystem:" + OK).engine().name();
    private static PostgresServer server;
    private static Database admin;

    @BeforeAll
    static void server() {
        server = TestServers.embedded();
        admin = server.createDatabase();
    }

    @AfterAll
    static void drop() {
        server.drop(admin);
    }

    @Test
    void verifyRunsAFlywayFolderWithFlywayAndSaysWhy() {
        CliProcess.Result result = CliProcess.runOn(admin, "verify", "--migrations", OK, "--schema", DIR + "schema.sql",
                "--placeholder", "booking_status=requested");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).contains("Migrating " + OK + " with " + FLYWAY + ": Flyway is on the class path and"
                + " the folder has Flyway's file names (engine = DRIFTLESS uses Driftless's own runner instead)\n");
        assertThat(result.out()).contains("""
                PASS  fresh install ≡ migrated path
                      the master schema and the migration chain (up to 2) build the same schema: 2 tables, 0 views, \
                0 functions
                """).contains("PASS  migration 2 (create booking) reverts\n"
                + "      up then down gives back the schema of version 1, up again that of version 2\n")
                .contains("PASSED: 3 checks (3 passed)");
    }

    @Test
    void engineDriftlessRunsTheSameFolderWithDriftlessOwnRunner() {
        CliProcess.Result result = CliProcess.runOn(admin, "verify", "--migrations", OK, "--engine", "driftless",
                "--placeholder", "booking_status=requested");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).contains("Migrating " + OK + " with Driftless: engine = DRIFTLESS was asked for\n");
        assertThat(result.out()).contains("PASS  migration 2 (create booking) reverts\n")
                .contains("PASSED: 2 checks (2 passed)");
    }

    @Test
    void aWrongUScriptFailsVerifyNamingIt() {
        String dir = DIR + "wrong-undo";
        CliProcess.Result result = CliProcess.runOn(admin, "verify", "--migrations", dir, "--placeholder",
                "booking_status=requested");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        // Flyway names the scripts by the absolute folder it was given (filesystem:/...).
        String undo = Path.of(dir, "U2__create_booking.sql").toAbsolutePath().toString();
        String up = Path.of(dir, "V2__create_booking.sql").toAbsolutePath().toString();
        assertThat(result.out()).contains("FAIL  migration 2 (create booking) reverts\n"
                + "      its down script " + undo + " fails\n"
                + "        The undo script " + undo + " of 2 create booking (" + up + ") failed; the check's database"
                + " stays at version 2:\n"
                + "        " + undo + ":2:1 [42P01] table \"bookings\" does not exist\n"
                + "          2 | DROP TABLE bookings;\n"
                + "        The script ran in one transaction, which was rolled back: nothing of it was applied.\n"
                + "\nFAILED: 2 checks (1 passed, 1 failed) in ");
    }

    @Test
    void engineLiquibaseOnAFolderIsBadInput() {
        CliProcess.Result result = CliProcess.runOn(admin, "verify", "--migrations", OK, "--engine", "liquibase");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("driftless verify: engine = LIQUIBASE reads a changelog file, but '" + OK
                + "' is a folder: name its master changelog, e.g. " + OK + "/db.changelog-master.yaml\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aPlaceholderWithoutValueIsBadInput() {
        CliProcess.Result result = CliProcess.runOn(admin, "verify", "--migrations", OK, "--placeholder", "currency");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("driftless verify: --placeholder currency: give NAME=VALUE, e.g."
                + " --placeholder currency=EUR\n");
    }

    @Test
    void diffMigratesAFlywayFolderToAVersionWithFlyway() {
        CliProcess.Result result = CliProcess.runOn(admin, "diff", OK + "@1", OK, "--placeholder",
                "booking_status=requested");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("Migrating " + OK + " with " + FLYWAY + ": ");
        assertThat(result.out()).contains("1 difference (1 structure)").contains("table booking: added");
    }

    @Test
    void aSnapshotLeavesFlywaysHistoryOutAlsoInItsDefaultSchema(@TempDir Path tmp) throws IOException {
        Path config = Files.writeString(tmp.resolve("flyway.conf"), "flyway.defaultSchema=shop\nflyway.schemas=shop\n");
        CliProcess.Result result = CliProcess.runOn(admin, "snapshot", OK, "--flyway-config", config.toString(),
                "--placeholder", "booking_status=requested");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("\"booking\"").contains("\"shop\"").doesNotContain("flyway_schema_history");
    }

    @Test
    void migrateAppliesAFlywayFolderWithFlyway() {
        Database target = server.createDatabase();
        try {
            CliProcess.Result result = CliProcess.run(Map.of("DRIFTLESS_JDBC_PASSWORD", target.password()), "migrate",
                    "--jdbc-url", target.jdbcUrl(), "--user", target.user(), "--placeholder",
                    "booking_status=requested", OK);
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.err()).contains("Migrating " + OK + " with " + FLYWAY + ": ");
            assertThat(result.out()).isEqualTo("Migrated the database from version <empty> to 2: applied 1, 2.\n");
        } finally {
            server.drop(target);
        }
    }
}

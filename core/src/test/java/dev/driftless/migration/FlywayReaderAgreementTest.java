package dev.driftless.migration;

import dev.driftless.check.ChainChecks;
import dev.driftless.check.CheckResult;
import dev.driftless.check.CheckResult.Verdict;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.template.ScratchDatabases;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Driftless's own reading of a Flyway folder agrees with the real Flyway on what it accepts: the same versions (shown
 * as Flyway shows them), descriptions and schema; and what only Flyway can run, a callback, is refused with what to do.
 */
class FlywayReaderAgreementTest {

    private static final String PLAIN = "classpath:flyway/plain";

    private final PostgresServer server = TestServers.embedded();

    private static MigrationEngine flyway() {
        return FlywaySettings.defaults().withEnvironment(Map.of()).withLocations(PLAIN).engine();
    }

    private static List<String> steps(MigrationEngine engine, Database db) {
        return engine.migrations(db).stream().map(m -> m.version() + " " + m.description()
                + (m.down().isPresent() ? " (undo)" : "")).toList();
    }

    @Test
    void bothEnginesListTheSameVersionsAndDescriptions() {
        try (ScratchDatabases scratch = ScratchDatabases.on(server)) {
            Database db = scratch.create();
            MigrationEngine own = MigrationEngine.driftless(MigrationChain.at(PLAIN));

            assertThat(steps(own, db)).containsExactly("1 create room", "1.1 room capacity",
                    "1.12.15 Room notes and colour (undo)", "2 room booking (undo)");
            assertThat(steps(flyway(), db)).isEqualTo(steps(own, db));
        }
    }

    @Test
    void bothEnginesBuildTheSameSchemaAndRevertAlike() {
        ChainChecks checks = ChainChecks.on(server);
        MigrationEngine own = MigrationEngine.driftless(MigrationChain.at(PLAIN));

        CheckResult same = checks.sameSchema(flyway(), MigrationVersion.parse("2"), own);
        List<Verdict> ownReverts = checks.reversibility(own).stream().map(CheckResult::verdict).toList();
        List<Verdict> flywayReverts = checks.reversibility(flyway()).stream().map(CheckResult::verdict).toList();

        assertThat(same.verdict()).as(same.comparisons().get(0).diff().toText()).isEqualTo(Verdict.PASSED);
        assertThat(ownReverts).containsExactly(Verdict.SKIPPED, Verdict.SKIPPED, Verdict.PASSED, Verdict.PASSED);
        assertThat(flywayReverts).isEqualTo(ownReverts);
    }

    @Test
    void theSchemasDifferWhenTheChainsDo(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("V1__create_room.sql"), "CREATE TABLE room (id integer PRIMARY KEY);\n");
        MigrationEngine other = MigrationEngine.driftless(MigrationChain.at(root.toString()));

        CheckResult same = ChainChecks.on(server).sameSchema(flyway(), MigrationVersion.parse("1"), other);

        assertThat(same.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(same.comparisons().get(0).diff().toText()).isEqualTo("""
                3 differences (3 structure)
                table room: column name: added (text not null)
                table room: constraint room_name_key: added (UNIQUE (name))
                view room_overview: added
                """);
    }

    private static final String LEDGER = "classpath:flyway/fidelity/migration";

    private static MigrationEngine flywayLedger() {
        return FlywaySettings.defaults().withEnvironment(Map.of()).withLocations(LEDGER).engine();
    }

    private static List<String> versions(List<MigrationVersion> versions) {
        return versions.stream().map(MigrationVersion::toString).toList();
    }

    @Test
    void bothEnginesReadTheLedgerProjectAlike() {
        MigrationEngine own = MigrationEngine.driftless(MigrationChain.at(LEDGER));
        try (ScratchDatabases scratch = ScratchDatabases.on(server)) {
            Database db = scratch.create();

            assertThat(steps(own, db)).containsExactly("1 create account", "1.1 account email",
                    "1.12.15 Ledger entries", "2 ledger index (undo)");
            assertThat(steps(flywayLedger(), db)).isEqualTo(steps(own, db));
            assertThat(own.baselines(db)).extracting(m -> m.version() + " " + m.description())
                    .containsExactly("1.12.15 ledger baseline");
            assertThat(flywayLedger().baselines(db)).extracting(m -> m.version() + " " + m.description())
                    .isEqualTo(own.baselines(db).stream().map(m -> m.version() + " " + m.description()).toList());
        }
    }

    @Test
    void bothEnginesBuildTheSameSchemaWithThePlaceholdersReplacedAndRecordTheSameVersions() throws SQLException {
        ChainChecks checks = ChainChecks.on(server);
        MigrationEngine own = MigrationEngine.driftless(MigrationChain.at(LEDGER));
        MigrationVersion two = MigrationVersion.parse("2");

        // from the baseline B1.12.15, as both start a new database, and along every V without it
        CheckResult fromBaseline = checks.sameSchema(flywayLedger(), two, own);
        CheckResult alongEveryVersion = checks.sameSchema(flywayLedger().withoutBaselines(), two,
                own.withoutBaselines());
        for (CheckResult same : List.of(fromBaseline, alongEveryVersion)) {
            assertThat(same.verdict()).as(same.comparisons().get(0).diff().toText()).isEqualTo(Verdict.PASSED);
        }
        try (ScratchDatabases scratch = ScratchDatabases.on(server)) {
            Database byFlyway = scratch.create();
            Database byDriftless = scratch.create();
            flywayLedger().migrateToLatest(byFlyway);
            own.migrateToLatest(byDriftless);

            assertThat(versions(own.appliedVersions(byDriftless))).containsExactly("1.12.15", "2")
                    .isEqualTo(versions(flywayLedger().appliedVersions(byFlyway)));
            for (Database db : List.of(byFlyway, byDriftless)) {
                assertThat(query(db, "SELECT obj_description('account'::regclass) || ' | '"
                        + " || obj_description('ledger_entry_account_idx'::regclass) || ' | '"
                        + " || pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'account'::regclass"
                        + " AND adnum = 3")).isEqualTo("Accounts of acme in schema public, owned by " + db.user()
                        + " | Migrations are recorded in flyway_schema_history | 'EUR'::bpchar");
            }
            Database walked = scratch.create();
            own.withoutBaselines().migrateToLatest(walked);
            assertThat(versions(own.appliedVersions(walked))).containsExactly("1", "1.1", "1.12.15", "2");
            assertThat(query(walked, "SELECT obj_description('ledger_entry'::regclass)"))
                    .isEqualTo("Created by V1_12_15__Ledger_entries.sql");
        }
        // the undo script's ${flyway:defaultSchema} is replaced when Driftless's own runner reverts too
        assertThat(checks.reversibility(own)).extracting(CheckResult::verdict)
                .containsExactly(Verdict.SKIPPED, Verdict.SKIPPED, Verdict.SKIPPED, Verdict.PASSED);
    }

    @Test
    void thePlaceholdersOfTheProjectsConfigurationAreReplacedWhenTheChainIsRead() {
        MigrationChain studio = MigrationChain.at("classpath:flyway/studio/migration");

        assertThat(studio.warnings()).isEmpty();
        assertThat(studio.migration("5").orElseThrow().up().content())
                .contains("INSERT INTO currency (code) VALUES ('EUR');")
                .contains("NOT NULL DEFAULT 'EUR' REFERENCES currency (code);");
        // the database's built-ins are replaced when the script runs
        assertThat(studio.migration("2").orElseThrow().up().content())
                .contains("DEFAULT 'requested'").contains("'Bookings in schema ${flyway:defaultSchema}'");
    }

    @Test
    void aPlaceholderWithoutAValueMakesTheChainInvalidWithItsFileAndLine(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("V1__create_room.sql"), """
                CREATE TABLE room (id integer PRIMARY KEY);
                COMMENT ON TABLE room IS 'Rooms of ${Tenant}, in ${flyway:defaultSchema}';
                """);

        assertThatThrownBy(() -> MigrationChain.at(root.toString(), Layout.FLYWAY))
                .isInstanceOf(MigrationException.class)
                .hasMessage("The migration chain at '" + root + "' (Flyway layout) is invalid:\n  - "
                        + root.resolve("V1__create_room.sql") + ":2: No value provided for placeholder ${Tenant}, as"
                        + " Flyway would say: set it in flyway.toml ([flyway.placeholders] Tenant = ...), flyway.conf"
                        + " (flyway.placeholders.Tenant=...) or the environment (FLYWAY_PLACEHOLDERS_TENANT)");
    }

    @Test
    void aFlywayConfInTheParentFolderGivesTheValuesAndNamesAreCaseInsensitive(@TempDir Path root)
            throws IOException {
        Path migration = Files.createDirectories(root.resolve("migration"));
        Files.writeString(root.resolve("flyway.conf"), "flyway.placeholders.Tenant=acme\n");
        Files.writeString(migration.resolve("V1__create_room.sql"),
                "COMMENT ON DATABASE current IS '${tenant} ${TENANT} ${flyway:filename} ${flyway:table}';\n");

        assertThat(MigrationChain.at(migration.toString()).migration("1").orElseThrow().up().content())
                .isEqualTo("COMMENT ON DATABASE current IS 'acme acme V1__create_room.sql flyway_schema_history';\n");
    }

    @Test
    void withPlaceholderReplacementOffTheTextStaysButTheDatabasesBuiltInsAreRefused(@TempDir Path root)
            throws IOException {
        Path migration = Files.createDirectories(root.resolve("migration"));
        Files.writeString(root.resolve("flyway.conf"), "flyway.placeholderReplacement=false\n");
        Files.writeString(migration.resolve("V1__create_room.sql"), "SELECT '${tenant}';\n");
        Files.writeString(migration.resolve("V2__comment.sql"), "\nSELECT '${flyway:user}';\n");

        assertThatThrownBy(() -> MigrationChain.at(migration.toString()))
                .isInstanceOf(MigrationException.class)
                .hasMessage("The migration chain at '" + migration + "' (Flyway layout) is invalid:\n  - "
                        + migration.resolve("V2__comment.sql") + ":2: ${flyway:user} stays as written with"
                        + " flyway.placeholderReplacement = false, which Driftless's own runner does not support for"
                        + " Flyway's built-ins; migrate with the Flyway engine (FlywaySettings, docs/engines.md)");
    }

    @Test
    void aCallbackIsRefusedWithWhatToDo(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("V1__create_room.sql"), "CREATE TABLE room (id integer PRIMARY KEY);\n");
        Files.writeString(root.resolve("afterMigrate.sql"), "ANALYZE;\n");
        Files.writeString(root.resolve("beforeEachMigrate__lock_timeout.sql"), "SET lock_timeout = '5s';\n");

        assertThatThrownBy(() -> MigrationChain.at(root.toString(), Layout.FLYWAY))
                .isInstanceOf(MigrationException.class)
                .hasMessage("The migration chain at '" + root + "' (Flyway layout) is invalid:\n  - " + root.resolve("afterMigrate.sql")
                        + " is a Flyway callback, which only Flyway runs: add org.flywaydb:flyway-core and"
                        + " org.flywaydb:flyway-database-postgresql to the test dependencies to run callbacks, and"
                        + " migrate with the Flyway engine (FlywaySettings, docs/engines.md)\n  - "
                        + root.resolve("beforeEachMigrate__lock_timeout.sql") + " is a Flyway callback, which only"
                        + " Flyway runs: add org.flywaydb:flyway-core and org.flywaydb:flyway-database-postgresql to"
                        + " the test dependencies to run callbacks, and migrate with the Flyway engine (FlywaySettings,"
                        + " docs/engines.md)");
    }

    private static String query(Database db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

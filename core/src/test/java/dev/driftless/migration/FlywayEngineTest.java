package dev.driftless.migration;

import dev.driftless.check.ChainChecks;
import dev.driftless.check.CheckResult;
import dev.driftless.check.CheckResult.Step;
import dev.driftless.check.CheckResult.Verdict;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.template.ScratchDatabases;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real Flyway as a {@link MigrationEngine}, on the studio project of {@code src/test/resources/flyway/studio}: two
 * locations, its {@code flyway.toml} (schemas, placeholders), SQL callbacks, a Java migration, a repeatable view, a
 * baseline and later versions, and undo scripts of which one is wrong on purpose.
 */
class FlywayEngineTest {

    private static final String[] LOCATIONS = {"classpath:flyway/studio/migration", "classpath:flyway/studio/common",
        "classpath:flyway/studio/java"};

    private final PostgresServer server = TestServers.embedded();
    private final ScratchDatabases scratch = ScratchDatabases.on(server);

    /** The studio project as its tests would name it: the locations, the rest from its flyway.toml. */
    private static FlywaySettings studio() {
        return FlywaySettings.defaults().withEnvironment(Map.of()).withLocations(LOCATIONS);
    }

    @AfterEach
    void dropDatabases() {
        scratch.close();
    }

    @Test
    void migratesANewDatabaseFromTheBaselineWithTheProjectsConfiguration() throws SQLException {
        MigrationEngine engine = studio().engine();
        Database db = scratch.create();

        MigrationResult result = engine.migrateToLatest(db);

        assertThat(engine.name()).isEqualTo("Flyway 13.12.1");
        assertThat(result.from()).isEqualTo(MigrationVersion.EMPTY);
        assertThat(result.reached()).hasToString("5");
        assertThat(result.applied()).extracting(m -> m.version().toString()).containsExactly("3", "4", "5");
        assertThat(result.repeatables()).extracting(RepeatableMigration::description)
                .containsExactly("party directory");
        assertThat(engine.appliedVersions(db)).extracting(MigrationVersion::toString).containsExactly("3", "4", "5");
        // flyway.toml: schemas = ["studio"], placeholders currency = EUR, booking_status = requested
        assertThat(query(db, "SELECT column_default FROM information_schema.columns WHERE table_schema = 'studio'"
                + " AND table_name = 'rate_card' AND column_name = 'currency'")).containsExactly("'EUR'::bpchar");
        assertThat(query(db, "SELECT obj_description('studio.booking'::regclass)"))
                .containsExactly("Bookings in schema studio");
        assertThat(query(db, "SELECT count(*) FROM studio.flyway_schema_history")).containsExactly("5"); // with Flyway's row for the schema it created
        // the callbacks ran, with Flyway's built-in placeholders
        assertThat(query(db, "SELECT event FROM public.studio_migration_log ORDER BY id"))
                .containsExactly("before migrate", "after migrate of studio by " + db.user());
        assertThat(query(db, "SELECT obj_description('studio'::regnamespace)"))
                .containsExactly("The studio schema, migrated by Flyway");
    }

    @Test
    void listsTheVersionsAsFlywayShowsThemWithTheJavaMigrationAndTheUndoScripts() {
        MigrationEngine engine = studio().engine();
        Database db = scratch.create();

        assertThat(engine.migrations(db)).extracting(Migration::toString).containsExactly(
                "1 create party (classpath:flyway/studio/migration/V1__create_party.sql)",
                "1.1 party email (classpath:flyway/studio/migration/V1_1__party_email.sql)",
                "2 create booking (classpath:flyway/studio/migration/V2__create_booking.sql)",
                "3 Seed rate card (flyway.studio.java.V3__Seed_rate_card)",
                "4 booking index (classpath:flyway/studio/migration/V4__booking_index.sql)",
                "5 rate card currency (classpath:flyway/studio/migration/V5__rate_card_currency.sql)");
        assertThat(engine.migrations(db)).extracting(m -> m.down().map(d -> d.name()).orElse("-")).containsExactly(
                "-", "classpath:flyway/studio/migration/U1_1__party_email.sql", "classpath:flyway/studio/migration/U2__create_booking.sql",
                "-", "classpath:flyway/studio/migration/U4__booking_index.sql",
                "classpath:flyway/studio/migration/U5__rate_card_currency.sql");
        assertThat(engine.baselines(db)).extracting(Migration::toString)
                .containsExactly("3 studio baseline (classpath:flyway/studio/migration/B3__studio_baseline.sql)");
        assertThat(engine.withoutBaselines().baselines(db)).isEmpty();
        assertThat(engine.historyTables()).containsExactly("flyway_schema_history");
    }

    @Test
    void migratesAlongEveryVersionWithoutTheBaselineAndToATarget() {
        MigrationEngine engine = studio().engine().withoutBaselines();
        Database db = scratch.create();

        engine.migrate(db, MigrationVersion.parse("2"));
        assertThat(engine.appliedVersions(db)).extracting(MigrationVersion::toString).containsExactly("1", "1.1", "2");
        MigrationResult rest = engine.migrateToLatest(db);

        assertThat(rest.from()).hasToString("2");
        assertThat(rest.applied()).extracting(m -> m.version().toString()).containsExactly("3", "4", "5");
        assertThat(engine.appliedVersions(db)).extracting(MigrationVersion::toString)
                .containsExactly("1", "1.1", "2", "3", "4", "5");
    }

    @Test
    void aTargetAsWrittenIsAVersionForFlyway() {
        MigrationEngine engine = studio().engine().withoutBaselines();
        Database db = scratch.create();

        engine.migrateTo(db, "1.1");
        assertThat(engine.appliedVersions(db)).extracting(MigrationVersion::toString).containsExactly("1", "1.1");
        assertThatThrownBy(() -> engine.migrateTo(db, "release-1"))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("Target \"release-1\" is not a version of " + engine.location() + " ("
                        + engine.name() + "): ");
    }

    @Test
    void theBaselineBuildsWhatTheVersionsUpToItBuildAndSoDoesTheLatestVersion() {
        ChainChecks checks = ChainChecks.on(server);
        MigrationEngine engine = studio().engine();

        List<CheckResult> baselines = checks.baselines(engine);
        CheckResult latest = checks.sameSchema(engine, MigrationVersion.parse("5"), engine.withoutBaselines());

        assertThat(baselines).hasSize(1);
        assertThat(baselines.get(0).verdict()).isEqualTo(Verdict.PASSED);
        assertThat(baselines.get(0).migration().orElseThrow().up().name())
                .isEqualTo("classpath:flyway/studio/migration/B3__studio_baseline.sql");
        assertThat(latest.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(latest.comparison(Step.MIGRATED).orElseThrow().to().table("studio.rate_card")).isPresent();
    }

    @Test
    void aBaselineThatBuildsAnotherSchemaFailsWithTheDifference(@TempDir Path root) throws IOException {
        Path migration = copyOfTheStudioMigrations(root);
        Files.writeString(migration.resolve("B3__studio_baseline.sql"), Files.readString(
                migration.resolve("B3__studio_baseline.sql")).replace("CREATE UNIQUE INDEX", "CREATE INDEX"));
        MigrationEngine engine = filesystemStudio(root).engine();

        CheckResult result = ChainChecks.on(server).baselines(engine).get(0);

        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.comparison(Step.MIGRATED).orElseThrow().diff().toText()).isEqualTo("""
                1 difference (1 structure)
                table studio.party: index party_display_name_key: unique true → false
                """);
    }

    @Test
    void revertsWithTheUndoScriptsAndNamesTheWrongOneWithItsDifference() {
        List<CheckResult> results = ChainChecks.on(server).reversibility(studio().engine());

        List<String> verdicts = new ArrayList<>();
        for (CheckResult r : results) {
            verdicts.add(r.migration().orElseThrow().version() + " " + r.verdict());
        }
        assertThat(verdicts).containsExactly("1 SKIPPED", "1.1 PASSED", "2 PASSED", "3 SKIPPED", "4 PASSED",
                "5 FAILED");
        CheckResult wrong = results.get(5);
        assertThat(wrong.migration().orElseThrow().down().orElseThrow().name())
                .isEqualTo("classpath:flyway/studio/migration/U5__rate_card_currency.sql");
        assertThat(wrong.comparison(Step.DOWN).orElseThrow().diff().toText()).isEqualTo("""
                1 difference (1 structure)
                table studio.currency: added
                """);
        // what U5 left behind makes V5 fail when Flyway applies it again
        assertThat(wrong.failure().orElseThrow().step()).isEqualTo(Step.UP_AGAIN);
        assertThat(wrong.failure().orElseThrow().message()).startsWith("""
                Flyway 13.12.1 could not migrate the check's database to version 5:
                Failed to execute script V5__rate_card_currency.sql
                """).contains("Message    : ERROR: relation \"currency\" already exists");
    }

    @Test
    void aMigrationWithoutUndoScriptCannotBeRevertedAndTheMessageSaysWhy() {
        MigrationEngine engine = studio().engine().withoutBaselines();
        Database db = scratch.create();
        engine.migrate(db, MigrationVersion.parse("1"));
        Migration first = engine.migrations(db).get(0);

        assertThatThrownBy(() -> engine.revert(db, first))
                .isInstanceOf(MigrationException.class)
                .hasMessage("Engine Flyway 13.12.1 cannot revert 1 create party"
                        + " (classpath:flyway/studio/migration/V1__create_party.sql): Flyway's own undo runs only in Flyway's"
                        + " paid editions, and Driftless reverts a Flyway migration with its U script, of which there"
                        + " is none; add U1__<description>.sql beside it in classpath:flyway/studio/migration,"
                        + " classpath:flyway/studio/common, classpath:flyway/studio/java");
    }

    @Test
    void idempotencyRunsEachMigrationTwiceThroughFlywayAndNamesTheOnesThatFail(@TempDir Path root)
            throws IOException {
        Path migration = copyOfTheStudioMigrations(root);
        Files.writeString(migration.resolve("V1__create_party.sql"), """
                CREATE TABLE IF NOT EXISTS party (
                    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    display_name text        NOT NULL,
                    created_at   timestamptz NOT NULL DEFAULT now()
                );
                CREATE UNIQUE INDEX IF NOT EXISTS party_display_name_key ON party (lower(display_name));
                """);
        Files.writeString(migration.resolve("V1_1__party_email.sql"), """
                ALTER TABLE party ADD COLUMN IF NOT EXISTS email text;
                ALTER TABLE party DROP CONSTRAINT IF EXISTS party_email_check;
                ALTER TABLE party ADD CONSTRAINT party_email_check CHECK (email IS NULL OR email LIKE '%_@_%');
                """);
        Files.writeString(migration.resolve("V2__create_booking.sql"), """
                DO $$ BEGIN
                    CREATE TYPE booking_status AS ENUM ('requested', 'confirmed', 'cancelled');
                EXCEPTION WHEN duplicate_object THEN NULL;
                END $$;
                CREATE TABLE IF NOT EXISTS booking (
                    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    party_id  bigint         NOT NULL REFERENCES party (id) ON DELETE CASCADE,
                    starts_at timestamptz    NOT NULL,
                    ends_at   timestamptz    NOT NULL,
                    status    booking_status NOT NULL DEFAULT '${booking_status}',
                    CONSTRAINT booking_period_check CHECK (ends_at > starts_at)
                );
                COMMENT ON TABLE booking IS 'Bookings in schema ${flyway:defaultSchema}';
                """);
        Files.writeString(migration.resolve("V4__booking_index.sql"),
                "CREATE INDEX IF NOT EXISTS booking_party_starts_idx ON booking (party_id, starts_at);\n");

        List<CheckResult> results = ChainChecks.on(server).migrationIdempotency(filesystemStudio(root).engine());

        assertThat(results).extracting(r -> r.migration().orElseThrow().version() + " " + r.verdict())
                .containsExactly("1 PASSED", "1.1 PASSED", "2 PASSED", "3 FAILED", "4 PASSED", "5 FAILED");
        // the Java migration and V5 (left as the project has it) create their tables without IF NOT EXISTS
        assertThat(results.get(3).failure().orElseThrow().message()).startsWith("""
                Flyway 13.12.1 could not migrate the check's database to version 3:
                """).contains("ERROR: relation \"rate_card\" already exists");
        assertThat(results.get(5).failure().orElseThrow().step()).isEqualTo(Step.SECOND_RUN);
        assertThat(results.get(5).failure().orElseThrow().message()).isEqualTo("""
                Flyway 13.12.1 could not migrate the check's database to version 5:
                Failed to execute script V5__rate_card_currency.sql
                ---------------------------------------------------
                SQL State  : 42P07
                Error Code : 0
                Message    : ERROR: relation "currency" already exists
                Location   : %1$s (%1$s)
                Line       : 2
                Statement  : Run Flyway with -X option to see the actual statement causing the problem
                """.formatted(migration.resolve("V5__rate_card_currency.sql")));
    }

    @Test
    void forgettingAMigrationMakesFlywayApplyItAgainAndOnlyTheNewestCanBeForgotten() throws SQLException {
        MigrationEngine engine = studio().engine().withoutBaselines();
        Database db = scratch.create();
        engine.migrate(db, MigrationVersion.parse("4"));
        List<Migration> migrations = engine.migrations(db);

        assertThatThrownBy(() -> engine.forget(db, migrations.get(0))).isInstanceOf(MigrationException.class)
                .hasMessage("Cannot forget 1 create party (classpath:flyway/studio/migration/V1__create_party.sql):"
                        + " database " + db.name() + " is at version 4, and only the newest migration can be"
                        + " forgotten");
        engine.forget(db, migrations.get(4));
        assertThat(engine.appliedVersions(db)).extracting(MigrationVersion::toString)
                .containsExactly("1", "1.1", "2", "3");
        assertThat(query(db, "SELECT count(*) FROM pg_indexes WHERE indexname = 'booking_party_starts_idx'"))
                .containsExactly("1");
        assertThatThrownBy(() -> engine.migrate(db, MigrationVersion.parse("4"))).isInstanceOf(MigrationException.class)
                .hasMessageContaining("ERROR: relation \"booking_party_starts_idx\" already exists");
    }

    @Test
    void aChangedPlaceholderChangesTheContentKeyAndTheSameSettingsKeepIt() {
        String key = studio().engine().contentKey().hash();

        assertThat(studio().engine().contentKey().labels()).contains(
                "resource classpath:flyway/studio/java V3__Seed_rate_card.class",
                "resource classpath:flyway/studio/common afterMigrate.sql",
                "resource classpath:flyway/studio/migration U5__rate_card_currency.sql",
                "config flyway.placeholders.currency");
        assertThat(studio().engine().contentKey().hash()).isEqualTo(key);
        assertThat(studio().withPlaceholder("currency", "USD").engine().contentKey().hash()).isNotEqualTo(key);
        assertThat(studio().withEnvironment(Map.of("FLYWAY_PLACEHOLDERS_CURRENCY", "USD")).engine().contentKey()
                .hash()).isNotEqualTo(key);
    }

    @Test
    void aChangedJavaMigrationOrScriptChangesTheContentKey(@TempDir Path root) throws IOException {
        Path migration = copyOfTheStudioMigrations(root);
        String before = filesystemStudio(root).engine().contentKey().hash();
        Files.writeString(migration.resolve("V4__booking_index.sql"), "CREATE INDEX booking_starts_idx ON booking"
                + " (starts_at);\n");

        assertThat(filesystemStudio(root).engine().contentKey().hash()).isNotEqualTo(before);
    }

    @Test
    void theEnvironmentBeatsTheConfigurationFileAndTheSettingsInCodeBeatBoth() throws SQLException {
        Database fromEnvironment = scratch.create();
        Database fromCode = scratch.create();

        studio().withEnvironment(Map.of("FLYWAY_PLACEHOLDERS_CURRENCY", "USD")).engine().migrateToLatest(fromEnvironment);
        studio().withEnvironment(Map.of("FLYWAY_PLACEHOLDERS_CURRENCY", "USD")).withPlaceholder("currency", "GBP")
                .engine().migrateToLatest(fromCode);

        assertThat(query(fromEnvironment, "SELECT code FROM studio.currency")).containsExactly("USD");
        assertThat(query(fromCode, "SELECT code FROM studio.currency")).containsExactly("GBP");
    }

    @Test
    void springFlywayPropertiesAreReadWhenNothingElseSetsThem(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("application.yml"), """
                spring:
                  flyway:
                    locations:
                      - classpath:flyway/studio/migration
                      - classpath:flyway/studio/common
                      - classpath:flyway/studio/java
                    default-schema: front_desk
                    placeholders:
                      currency: CHF
                      booking_status: confirmed
                """);
        Database db = scratch.create();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()},
                getClass().getClassLoader())) {
            // flyway.toml beside the locations sets schemas = ["studio"] and its own placeholders: it wins over Spring
            MigrationEngine engine = FlywaySettings.defaults().withEnvironment(Map.of()).withClassLoader(loader)
                    .with("flyway.placeholders.booking_status", "cancelled").engine();
            engine.migrateToLatest(db);
        }

        assertThat(query(db, "SELECT code FROM front_desk.currency")).containsExactly("EUR");
        assertThat(query(db, "SELECT nspname FROM pg_namespace WHERE nspname IN ('studio', 'front_desk')"
                + " ORDER BY 1")).containsExactly("front_desk", "studio");
        assertThat(query(db, "SELECT count(*) FROM front_desk.flyway_schema_history")).containsExactly("5"); // with Flyway's row for the schema it created
        assertThat(query(db, "SELECT column_default FROM information_schema.columns WHERE table_schema ="
                + " 'front_desk' AND table_name = 'booking' AND column_name = 'status'"))
                .containsExactly("'cancelled'::front_desk.booking_status");
    }

    @Test
    void withoutFlywayOnTheClassPathTheEngineSaysWhatToAdd() throws IOException {
        try (URLClassLoader bare = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> studio().withClassLoader(bare).engine())
                    .isInstanceOf(MigrationException.class)
                    .hasMessage("Flyway is not on the class path: add org.flywaydb:flyway-core and"
                            + " org.flywaydb:flyway-database-postgresql (the same version, 10 or later) to the test"
                            + " dependencies, or use Driftless's own runner"
                            + " (MigrationEngine.driftless(MigrationChain.at(...)))");
        }
    }

    /** The studio migrations copied to a folder, the Java migration left out, for tests that change a file. */
    private static Path copyOfTheStudioMigrations(Path root) throws IOException {
        Path source = Path.of("src/test/resources/flyway/studio");
        for (String folder : List.of("migration", "common")) {
            Files.createDirectories(root.resolve(folder));
            try (var files = Files.list(source.resolve(folder))) {
                for (Path file : files.toList()) {
                    Files.copy(file, root.resolve(folder).resolve(file.getFileName()));
                }
            }
        }
        Files.copy(source.resolve("flyway.toml"), root.resolve("flyway.toml"));
        return root.resolve("migration");
    }

    /** The copied project, with the Java migration still found on the class path. */
    private static FlywaySettings filesystemStudio(Path root) {
        return FlywaySettings.defaults().withEnvironment(Map.of()).withWorkingDirectory(root)
                .withConfigFiles("flyway.toml")
                .withLocations("filesystem:" + root.resolve("migration"), "filesystem:" + root.resolve("common"),
                        "classpath:flyway/studio/java");
    }

    private static List<String> query(Database db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}

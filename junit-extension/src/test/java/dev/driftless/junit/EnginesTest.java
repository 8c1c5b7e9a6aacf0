package dev.driftless.junit;

import dev.driftless.junit.internal.PreparedSetup;
import dev.driftless.junit.internal.SetupSpec;
import dev.driftless.migration.Engine;
import dev.driftless.migration.Migrator;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.server.Database;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @MigratedDatabase} building chains with the engine production uses: the real Flyway on the studio project of
 * core's tests (its resources and Java migration are on this module's test class path), Driftless's own runner when
 * asked for, and the annotation's engine attributes checked as a user writes them.
 */
class EnginesTest {

    private static final String STUDIO = "classpath:flyway/studio/migration";

    @Test
    void flywayBuildsTheStudioProjectWithItsCallbacksPlaceholdersAndHistory() {
        assertPasses(StudioWithFlyway.class);
    }

    @Test
    void engineDriftlessOnAFlywayFolderUsesDriftlesssOwnRunner() {
        assertPasses(FlywayFolderWithDriftless.class);
    }

    @Test
    void autoPicksFlywayForAFlywayFolderWhenFlywayIsOnTheClassPath() {
        assertPasses(FlywayFolderAuto.class);
    }

    @Test
    void equalAnnotationsGiveEqualSpecsAndKeys() {
        SetupSpec first = SetupSpec.of(StudioWithFlyway.class.getAnnotation(MigratedDatabase.class));
        SetupSpec second = SetupSpec.of(SameStudio.class.getAnnotation(MigratedDatabase.class));

        assertThat(second).isEqualTo(first);
        assertThat(PreparedSetup.templateKey(second, "second")).isEqualTo(PreparedSetup.templateKey(first, "first"));
    }

    @Test
    void aChangedPlaceholderGivesAnotherTemplateKey() {
        SetupSpec euro = SetupSpec.of(StudioWithFlyway.class.getAnnotation(MigratedDatabase.class));
        SetupSpec dollar = SetupSpec.of(StudioInDollars.class.getAnnotation(MigratedDatabase.class));

        assertThat(dollar).isNotEqualTo(euro);
        assertThat(PreparedSetup.templateKey(dollar, "dollar")).isNotEqualTo(PreparedSetup.templateKey(euro, "euro"));
    }

    @Test
    void theEngineIsPartOfTheTemplateKey() {
        SetupSpec auto = SetupSpec.of(FlywayFolderAuto.class.getAnnotation(MigratedDatabase.class));
        SetupSpec driftless = SetupSpec.of(FlywayFolderWithDriftless.class.getAnnotation(MigratedDatabase.class));

        assertThat(PreparedSetup.templateKey(driftless, "d")).isNotEqualTo(PreparedSetup.templateKey(auto, "a"));
    }

    @Test
    void aMigratorOnAFlywayClassIsRefusedWithTheWayOut() {
        EngineExecutionResults results = Kit.run(MigratorOnFlyway.class);

        assertThat(Kit.failures(results)).singleElement().asString().matches("wantsAMigrator\\(Migrator\\):"
                + " @MigratedDatabase cannot inject parameter 0 \\(Migrator\\) of method MigratorOnFlyway"
                + "\\.wantsAMigrator\\(\\): a Migrator is Driftless's own runner, and " + quoted(MigratorOnFlyway.class)
                + " is built by Flyway [0-9.]+ \\(engine = FLYWAY: Flyway is on the class path and the folder has"
                + " Flyway's file names \\(engine = DRIFTLESS uses Driftless's own runner instead\\)\\)\\. Migrate"
                + " with Flyway [0-9.]+ itself \\(a Database parameter gives the test's database\\), or set engine ="
                + " Engine\\.DRIFTLESS on the annotation to use Driftless's own runner\\.");
    }

    @Test
    void flywaySettingsWithAnotherEngineOrASchemaAreRefused() {
        EngineExecutionResults results = Kit.run(FlywayWithLiquibase.class, FlywayOnSchema.class);

        assertThat(Kit.failures(results)).containsExactlyInAnyOrder(
                "EnginesTest$FlywayWithLiquibase: @MigratedDatabase on " + FlywayWithLiquibase.class.getName()
                        + " is not valid: flyway = @FlywayConfig(placeholders = \"currency=EUR\") configures Flyway,"
                        + " but engine = LIQUIBASE does not run Flyway; remove it, or use engine = FLYWAY; format ="
                        + " NUMBERED is a layout of Driftless's own runner, but engine = LIQUIBASE reads a Liquibase"
                        + " changelog; remove it.",
                "EnginesTest$FlywayOnSchema: @MigratedDatabase on " + FlywayOnSchema.class.getName()
                        + " is not valid: engine = FLYWAY applies to migrations, not to a schema script; remove it;"
                        + " flyway = @FlywayConfig(locations = \"classpath:db/callbacks\") applies to migrations, not"
                        + " to a schema script; remove it; liquibase = @LiquibaseConfig(contexts = \"test\") applies"
                        + " to migrations, not to a schema script; remove it.");
    }

    @Test
    void malformedNameValueEntriesAreRefusedNamingTheAttribute() {
        EngineExecutionResults results = Kit.run(MalformedEntries.class);

        assertThat(Kit.failures(results)).containsExactly("EnginesTest$MalformedEntries: @MigratedDatabase on "
                + MalformedEntries.class.getName() + " is not valid: it sets both flyway = @FlywayConfig(placeholders"
                + " = {\"currency=EUR\", \"tenant\"}, outOfOrder = \"yes\") and liquibase = @LiquibaseConfig(parameters"
                + " = \"=EUR\"), but one engine builds a chain; keep the settings of the engine your project uses;"
                + " flyway = @FlywayConfig(placeholders = {\"currency=EUR\", \"tenant\"}) has an entry that is not"
                + " name=value: \"tenant\"; write each entry as name=value, e.g. placeholders = \"currency=EUR\"; flyway"
                + " = @FlywayConfig(outOfOrder = \"yes\") is neither \"true\" nor \"false\"; write one of them, or leave"
                + " it out for the configured value; liquibase = @LiquibaseConfig(parameters = \"=EUR\") has an entry"
                + " that is not name=value: \"=EUR\"; write each entry as name=value, e.g. parameters ="
                + " \"currency=EUR\".");
    }

    @Test
    void flywaySettingsOnAChainAutoDoesNotGiveToFlywayAreRefusedWithTheReason() {
        EngineExecutionResults results = Kit.run(FlywaySettingsOnNumberedChain.class);

        assertThat(Kit.failures(results)).containsExactly("EnginesTest$FlywaySettingsOnNumberedChain:"
                + " @MigratedDatabase on " + FlywaySettingsOnNumberedChain.class.getName() + " is not valid: it sets"
                + " flyway = @FlywayConfig(placeholders = \"currency=EUR\"), but engine = AUTO picked DRIFTLESS for"
                + " migrations = \"db/shop\" (the folder is not in Flyway's layout). Set engine = FLYWAY to use that"
                + " engine (the error then says what it is missing), or remove the settings.");
    }

    private static String quoted(Class<?> type) {
        return type.getName().replace(".", "\\.").replace("$", "\\$");
    }

    private static void assertPasses(Class<?> fixture) {
        EngineExecutionResults results = Kit.run(fixture);
        assertThat(Kit.failures(results)).isEmpty();
        assertThat(results.testEvents().succeeded().count()).isPositive();
    }

    static List<String> query(Database database, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    @FixtureClass
    @MigratedDatabase(migrations = STUDIO, flyway = @FlywayConfig(
            locations = {"classpath:flyway/studio/common", "classpath:flyway/studio/java"}, placeholders = "currency=EUR"))
    static class StudioWithFlyway {
        @Test
        void hasFlywaysHistoryWithFlywaysVersions(Database db) throws Exception {
            // A new database starts from the B3 baseline, then V4 and V5; Flyway's row 0 is the schema it created.
            assertThat(query(db, "SELECT coalesce(version, '-') || ' ' || type FROM studio.flyway_schema_history"
                    + " ORDER BY installed_rank")).containsExactly("- SCHEMA", "3 SQL_BASELINE", "4 SQL", "5 SQL",
                    "- SQL");
            assertThat(query(db, "SELECT to_regclass('studio.driftless_schema_history') IS NULL")).containsExactly("t");
        }

        @Test
        void ranTheCallbacksAndPlaceholders(Database db) throws Exception {
            assertThat(query(db, "SELECT code FROM studio.currency")).containsExactly("EUR");
            assertThat(query(db, "SELECT event FROM public.studio_migration_log ORDER BY id"))
                    .containsExactly("before migrate", "after migrate of studio by " + db.user());
        }

        @Test
        void theSnapshotLeavesFlywaysHistoryOut(SchemaSnapshot schema) {
            assertThat(schema.table("studio.booking")).isPresent();
            assertThat(schema.table("studio.flyway_schema_history")).isEmpty();
        }

        @Test
        void eachTestGetsItsOwnCopy(Database db, TestDatabase test) throws Exception {
            test.execute("INSERT INTO studio.party (display_name) VALUES ('Ada')");
            assertThat(query(db, "SELECT count(*) FROM studio.party")).containsExactly("1");
        }
    }

    @FixtureClass
    @MigratedDatabase(migrations = STUDIO, flyway = @FlywayConfig(
            locations = {"classpath:flyway/studio/common", "classpath:flyway/studio/java"}, placeholders = "currency=EUR"))
    static class SameStudio {
    }

    @FixtureClass
    @MigratedDatabase(migrations = STUDIO, flyway = @FlywayConfig(
            locations = {"classpath:flyway/studio/common", "classpath:flyway/studio/java"}, placeholders = "currency=USD"))
    static class StudioInDollars {
    }

    @FixtureClass
    @MigratedDatabase(migrations = "db/flyway", engine = Engine.DRIFTLESS)
    static class FlywayFolderWithDriftless {
        @Test
        void ranDriftlesssRunner(Migrator migrator, Database db, SchemaSnapshot schema) throws Exception {
            assertThat(migrator.currentVersion().toString()).isEqualTo("2");
            assertThat(query(db, "SELECT to_regclass('flyway_schema_history') IS NULL")).containsExactly("t");
            assertThat(schema.table("public.driftless_schema_history")).isEmpty();
        }
    }

    @FixtureClass
    @MigratedDatabase(migrations = "db/flyway")
    static class FlywayFolderAuto {
        @Test
        void ranFlyway(Database db, SchemaSnapshot schema) throws Exception {
            assertThat(query(db, "SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
                    .containsExactly("1", "2");
            assertThat(query(db, "SELECT to_regclass('driftless_schema_history') IS NULL")).containsExactly("t");
            assertThat(schema.table("public.flyway_schema_history")).isEmpty();
        }
    }

    @FixtureClass
    @MigratedDatabase(migrations = "db/flyway")
    static class MigratorOnFlyway {
        @Test
        void wantsAMigrator(Migrator migrator) {
        }
    }

    @FixtureClass
    @MigratedDatabase(migrations = "db/changelog.yaml", engine = Engine.LIQUIBASE, format = Format.NUMBERED,
            flyway = @FlywayConfig(placeholders = "currency=EUR"))
    static class FlywayWithLiquibase {
        @Test
        void neverRuns() {
        }
    }

    @FixtureClass
    @MigratedDatabase(schema = "schema/shop.sql", engine = Engine.FLYWAY,
            flyway = @FlywayConfig(locations = "classpath:db/callbacks"), liquibase = @LiquibaseConfig(contexts = "test"))
    static class FlywayOnSchema {
        @Test
        void neverRuns() {
        }
    }

    @FixtureClass
    @MigratedDatabase(migrations = STUDIO, flyway = @FlywayConfig(placeholders = {"currency=EUR", "tenant"},
            outOfOrder = "yes"), liquibase = @LiquibaseConfig(parameters = "=EUR"))
    static class MalformedEntries {
        @Test
        void neverRuns() {
        }
    }

    @FixtureClass
    @MigratedDatabase(migrations = "db/shop", flyway = @FlywayConfig(placeholders = "currency=EUR"))
    static class FlywaySettingsOnNumberedChain {
        @Test
        void neverRuns() {
        }
    }
}

package dev.driftless.junit;

import dev.driftless.junit.internal.PreparedSetup;
import dev.driftless.junit.internal.SetupSpec;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.server.Database;
import org.junit.jupiter.api.Test;

import static dev.driftless.junit.EnginesTest.query;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @MigratedDatabase} building chains with the real Liquibase on the studio changelog of core's tests (its
 * resources are on this module's test class path): the engine is picked for the changelog file, and the contexts,
 * labels and parameters of {@code @LiquibaseConfig} reach Liquibase and the template key.
 */
class LiquibaseChainTest {

    private static final String STUDIO = "classpath:liquibase/studio/db.changelog-master.xml";

    @Test
    void liquibaseBuildsTheStudioChangelogWithItsContextsAndParameters() {
        assertPasses(StudioWithLiquibase.class);
    }

    @Test
    void changeSetsOfAnotherContextDoNotRun() {
        assertPasses(StudioInProduction.class);
    }

    @Test
    void labelsReachLiquibase() {
        assertPasses(StudioWithoutReports.class);
    }

    @Test
    void aTargetThatIsNotAChangeSetNumberIsALiquibaseTag() {
        assertPasses(StudioAtRelease.class);
    }

    @Test
    void aChangedParameterGivesAnotherTemplateKey() {
        SetupSpec euro = SetupSpec.of(StudioWithLiquibase.class.getAnnotation(MigratedDatabase.class));
        SetupSpec same = SetupSpec.of(SameStudio.class.getAnnotation(MigratedDatabase.class));
        SetupSpec dollar = SetupSpec.of(StudioInDollars.class.getAnnotation(MigratedDatabase.class));

        assertThat(PreparedSetup.templateKey(same, "same")).isEqualTo(PreparedSetup.templateKey(euro, "euro"));
        assertThat(dollar).isNotEqualTo(euro);
        assertThat(PreparedSetup.templateKey(dollar, "dollar")).isNotEqualTo(PreparedSetup.templateKey(euro, "euro"));
    }

    @Test
    void changedContextsGiveAnotherTemplateKey() {
        SetupSpec test = SetupSpec.of(StudioWithLiquibase.class.getAnnotation(MigratedDatabase.class));
        SetupSpec production = SetupSpec.of(StudioInProduction.class.getAnnotation(MigratedDatabase.class));

        assertThat(PreparedSetup.templateKey(production, "p")).isNotEqualTo(PreparedSetup.templateKey(test, "t"));
    }

    private static void assertPasses(Class<?> fixture) {
        var results = Kit.run(fixture);
        assertThat(Kit.failures(results)).isEmpty();
        assertThat(results.testEvents().succeeded().count()).isPositive();
    }

    @FixtureClass
    @MigratedDatabase(migrations = STUDIO, liquibase = @LiquibaseConfig(contexts = "test", parameters = "currency=EUR"))
    static class StudioWithLiquibase {
        @Test
        void createdTheTablesAndLiquibasesHistory(Database db) throws Exception {
            assertThat(query(db, "SELECT to_regclass('public.party') IS NOT NULL AND to_regclass('public.booking')"
                    + " IS NOT NULL AND to_regclass('public.rate_card') IS NOT NULL")).containsExactly("t");
            assertThat(query(db, "SELECT id FROM public.databasechangelog ORDER BY orderexecuted")).containsExactly(
                    "create-party", "party-email-index", "create-booking-status", "create-booking", "booking-comment",
                    "create-rate-card", "booking-starts-index", "currency-table", "release-2025.1",
                    "studio-test-data");
            assertThat(query(db, "SELECT to_regclass('public.driftless_schema_history') IS NULL"))
                    .containsExactly("t");
        }

        @Test
        void ranTheTestContextWithTheParameter(Database db) throws Exception {
            assertThat(query(db, "SELECT display_name FROM public.party")).containsExactly("Studio Test Band");
            assertThat(query(db, "SELECT currency FROM public.rate_card")).containsExactly("EUR");
            assertThat(query(db, "SELECT code FROM public.currency")).containsExactly("EUR");
        }

        @Test
        void theSnapshotLeavesLiquibasesHistoryOut(SchemaSnapshot schema) {
            assertThat(schema.table("public.booking")).isPresent();
            assertThat(schema.table("public.databasechangelog")).isEmpty();
            assertThat(schema.table("public.databasechangeloglock")).isEmpty();
        }

        @Test
        void eachTestGetsItsOwnCopy(Database db, TestDatabase test) throws Exception {
            test.execute("INSERT INTO public.party (display_name) VALUES ('Ada')");
            assertThat(query(db, "SELECT count(*) FROM public.party")).containsExactly("2");
        }
    }

    @FixtureClass
    @MigratedDatabase(migrations = STUDIO, liquibase = @LiquibaseConfig(contexts = "test", parameters = "currency=EUR"))
    static class SameStudio {
    }

    @FixtureClass
    @MigratedDatabase(migrations = STUDIO, liquibase = @LiquibaseConfig(contexts = "test", parameters = "currency=USD"))
    static class StudioInDollars {
    }

    @FixtureClass
    @MigratedDatabase(migrations = STUDIO, liquibase = @LiquibaseConfig(contexts = "production",
            parameters = "currency=EUR"))
    static class StudioInProduction {
        @Test
        void leftTheTestDataOut(Database db) throws Exception {
            assertThat(query(db, "SELECT count(*) FROM public.party")).containsExactly("0");
            assertThat(query(db, "SELECT count(*) FROM public.databasechangelog WHERE id = 'studio-test-data'"))
                    .containsExactly("0");
        }
    }

    @FixtureClass
    @MigratedDatabase(migrations = STUDIO, liquibase = @LiquibaseConfig(labels = "!reporting",
            parameters = "currency=EUR"))
    static class StudioWithoutReports {
        @Test
        void leftTheReportingIndexOut(Database db) throws Exception {
            assertThat(query(db, "SELECT to_regclass('public.booking') IS NOT NULL"
                    + " AND to_regclass('public.booking_starts_idx') IS NULL")).containsExactly("t");
        }
    }

    @FixtureClass
    @MigratedDatabase(migrations = STUDIO, target = "2025.1",
            liquibase = @LiquibaseConfig(contexts = "test", parameters = "currency=EUR"))
    static class StudioAtRelease {
        @Test
        void stoppedAtTheChangeSetThatSetsTheTag(Database db) throws Exception {
            assertThat(query(db, "SELECT id || coalesce(' ' || tag, '') FROM public.databasechangelog"
                    + " ORDER BY orderexecuted DESC LIMIT 1")).containsExactly("release-2025.1 2025.1");
            assertThat(query(db, "SELECT count(*) FROM public.party")).containsExactly("0");
        }
    }
}

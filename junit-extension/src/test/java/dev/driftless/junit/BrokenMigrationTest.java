package dev.driftless.junit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A migration that fails fails each class that needs it once, with the script runner's own error, and nothing else. */
class BrokenMigrationTest {

    @Test
    void failsEachClassOnceWithTheRunnersError() {
        EngineExecutionResults results = Kit.run(BrokenA.class, BrokenB.class);

        assertThat(results.testEvents().started().count()).as("tests started").isZero();
        assertThat(results.containerEvents().failed().count()).as("failed containers").isEqualTo(2);
        assertThat(Kit.failures(results)).hasSize(2).allSatisfy(message -> assertThat(message)
                .contains("Could not build the database of @MigratedDatabase(migrations = \"db/broken\"): The migration"
                        + " 002 orders (db/broken/002_orders.sql) failed and was rolled back; the database"
                        + " being built stays at version 001.\n")
                .doesNotContain("driftless_build")
                .contains("002_orders.sql:6:1")
                .contains("[42P01] relation \"order_lines\" does not exist")
                .contains("ALTER TABLE order_lines"));
        System.out.println(Kit.failures(results).get(0));
    }

    @Test
    void keepsTheCauseForStackTraces() {
        EngineExecutionResults results = Kit.run(BrokenA.class);

        Throwable failure = Kit.failure(results.containerEvents().failed().stream().findFirst().orElseThrow()).orElseThrow();
        assertThat(failure).isInstanceOf(dev.driftless.DriftlessException.class);
        assertThat(failure.getCause()).isInstanceOf(dev.driftless.migration.MigrationException.class);
    }

    @FixtureClass
    @MigratedDatabase(migrations = "db/broken")
    static class BrokenA {
        @Test
        void one(DataSource dataSource) {
        }

        @Test
        void two(DataSource dataSource) {
        }

        @Nested
        class Inner {
            @Test
            void three(DataSource dataSource) {
            }
        }
    }

    @FixtureClass
    @MigratedDatabase(migrations = "db/broken")
    static class BrokenB {
        @Test
        void four(DataSource dataSource) {
        }
    }
}

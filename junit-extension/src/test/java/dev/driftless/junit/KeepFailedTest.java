package dev.driftless.junit;

import dev.driftless.server.PostgresServer;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** {@code driftless.keepFailed=true} keeps a failed test's database and reports where it is; passing tests' go. */
class KeepFailedTest {

    @Test
    void keepsTheFailedTestsDatabaseAndReportsItsConnectionString() {
        PostgresServer server = TestServers.embedded();
        EngineExecutionResults results = Kit.run(Map.of("driftless.keepFailed", "true"), OneFails.class);

        List<String> names = Kit.entries(results, "database");
        String failedName = Kit.entries(results, "failing").get(0);
        String passedName = names.stream().filter(n -> !n.equals(failedName)).findFirst().orElseThrow();
        assertThat(Kit.entries(results, MigratedDatabaseExtension.KEPT_DATABASE_ENTRY)).containsExactly(
                "jdbc:postgresql://localhost:" + server.port() + "/" + failedName + "?user=postgres");
        assertThat(String.join("", Kit.entries(results, MigratedDatabaseExtension.KEPT_DATABASE_ENTRY)))
                .doesNotContain(server.database(failedName).password());
        try {
            assertThat(server.driftlessDatabases()).contains(failedName).doesNotContain(passedName);
        } finally {
            server.drop(failedName);
        }
    }

    @Test
    void withoutKeepFailedEveryDatabaseIsDropped() {
        EngineExecutionResults results = Kit.run(OneFails.class);

        assertThat(results.testEvents().failed().count()).isEqualTo(1);
        assertThat(Kit.entries(results, MigratedDatabaseExtension.KEPT_DATABASE_ENTRY)).isEmpty();
        assertThat(TestServers.embedded().driftlessDatabases()).doesNotContainAnyElementsOf(Kit.entries(results, "database"));
    }

    @FixtureClass
    @MigratedDatabase(schema = "schema/shop.sql")
    static class OneFails {
        @Test
        void passes(TestDatabase db, TestReporter reporter) {
            reporter.publishEntry("database", db.name());
        }

        @Test
        void fails(TestDatabase db, TestReporter reporter) {
            reporter.publishEntry("database", db.name());
            reporter.publishEntry("failing", db.name());
            fail("on purpose");
        }
    }
}

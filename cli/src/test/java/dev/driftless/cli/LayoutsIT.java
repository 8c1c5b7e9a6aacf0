package dev.driftless.cli;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code LayoutsIT} runs the real jar on folders shaped like real projects of each tool (core's
 * src/test/resources/layouts): what verify and diff read, leave out, and say.
 */
class LayoutsIT {

    private static final String LAYOUTS = "../core/src/test/resources/layouts/";
    private static final String DIR = "src/test/resources/cli/";
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
    void verifyComparesASourcegraphFolderWithItsSquashedSqlWithoutSchema() {
        String frontend = LAYOUTS + "sourcegraph/frontend";
        CliProcess.Result result = CliProcess.runOn(admin, "verify", "--migrations", frontend);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).contains("Comparing with " + frontend + "/squashed.sql, the master schema kept beside"
                + " the migrations\n");
        assertThat(result.out()).contains("""
                PASS  fresh install ≡ migrated path
                      the master schema and the migration chain (up to 1000000005) build the same schema: 3 tables, \
                0 views, 0 functions
                """).contains("PASS  migration 1000000002 (external service repos) reverts\n"
                + "      up then down gives back the schema of version 1000000003, up again that of version"
                + " 1000000002\n").contains("PASSED: 7 checks (7 passed)");
    }

    @Test
    void verifyChecksAFlywayBaselineAgainstTheMigrationsUpToIt() {
        // Driftless's own runner: with Flyway's default transactional lock, the real Flyway waits forever on this
        // folder's CREATE INDEX CONCURRENTLY (V4), as it would in production.
        String flyway = LAYOUTS + "flyway/db/migration";
        CliProcess.Result result = CliProcess.runOn(admin, "verify", "--migrations", flyway, "--engine", "driftless");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("PASS  baseline 3 (baseline) ≡ migrations up to 3\n"
                + "      the baseline " + flyway + "/B3__baseline.sql and the versioned migrations up to 3 build the"
                + " same schema: 2 tables, 1 view, 0 functions\n").contains("PASSED: 5 checks (5 passed)");
    }

    @Test
    void filesTheToolDoesNotReadAreCountedAndListedWithVerbose() {
        String sqitch = LAYOUTS + "sqitch";
        CliProcess.Result quiet = CliProcess.runOn(admin, "diff", sqitch, sqitch);
        assertThat(quiet.exitCode()).as(quiet.toString()).isZero();
        assertThat(quiet.err()).contains("5 files at " + sqitch + " are not read by the sqitch layout and were left"
                + " out; --verbose lists them\n").doesNotContain("test/users.sql");

        CliProcess.Result verbose = CliProcess.runOn(admin, "diff", sqitch, sqitch, "--verbose");
        assertThat(verbose.exitCode()).as(verbose.toString()).isZero();
        assertThat(verbose.err()).contains("Left out, not read by the sqitch layout: " + sqitch + "/test/users.sql"
                + " (sqitch reads only sqitch.plan and the deploy/, revert/ and verify/ scripts it names)");
    }

    @Test
    void diffReadsEverySideBeforeRunningAny() {
        CliProcess.Result result = CliProcess.runOn(admin, "diff", DIR + "schema.sql", DIR + "broken-include");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).startsWith("driftless diff: " + DIR + "broken-include/002_orders.sql:1:1 \\i"
                + " missing/orders_table.sql: no such file.").doesNotContain("Running " + DIR + "schema.sql");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void verifyGivesNoRepairAdviceForTheDatabaseItThrowsAway() {
        CliProcess.Result result = CliProcess.runOn(admin, "verify", "--migrations", DIR + "half-applied");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("The migration 001 a (" + DIR + "half-applied/001_a.sql) failed part-way."
                + " It ran outside a transaction (it manages its own transactions (BEGIN at " + DIR
                + "half-applied/001_a.sql:1)), so what it had done when it failed stays:\n"
                + "  - committed: " + DIR + "half-applied/001_a.sql:2 CREATE TABLE a (id int)\n"
                + "The history table \"public\".\"driftless_schema_history\" records it as failed (success = false,"
                + " state = failed) and the check's database counts as being at version <empty>. It is thrown away"
                + " after this run, so there is nothing to repair: fix the script and run again.\n")
                .doesNotContain("Undo or finish");
    }
}

package dev.driftless.cli;

import dev.driftless.migration.LiquibaseSettings;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code LiquibaseIT} runs the real jar, which carries Liquibase, on the studio changelog of core's tests (with its
 * wrong rollback): the engine line, the verdicts, and {@code --contexts}, {@code --labels} and {@code --placeholder}
 * reaching Liquibase.
 */
class LiquibaseIT {

    private static final String STUDIO = "../core/src/test/resources/liquibase/studio/";
    private static final String MASTER = STUDIO + "db.changelog-master.xml";
    private static final String LIQUIBASE = LiquibaseSettings.defaults().withChangelog(MASTER).engine().name();
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
    void verifyRunsTheChangelogWithLiquibaseAndFailsOnTheWrongRollbackNamingIt() {
        CliProcess.Result result = CliProcess.runOn(admin, "verify", "--migrations", MASTER, "--schema",
                STUDIO + "master-schema.sql");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("Migrating " + MASTER + " with " + LIQUIBASE + ": db.changelog-master.xml is"
                + " a Liquibase changelog\n");
        assertThat(result.out()).contains("  migrations     " + MASTER + " (" + LIQUIBASE + ", 10 migrations, latest"
                + " 10)\n").contains("""
                PASS  fresh install ≡ migrated path
                      the master schema and the migration chain (up to 10) build the same schema: 4 tables, 0 views, \
                0 functions
                """).contains("""
                FAIL  migration 8 (currency-table by chloe) reverts
                      up then down does not give back the schema of version 7 (- before up, + after down): 1 \
                difference (1 structure)
                        table currency: added
                      applying it again after reverting fails
                        %1$s could not migrate the check's database to version 8:
                        Migration failed for changeset changes/later/020-currency.yaml::currency-table::chloe:
                             Reason: ERROR: relation "currency" already exists [Failed SQL: (0) CREATE TABLE \
                public.currency (code CHAR(3) NOT NULL, name VARCHAR(60), CONSTRAINT currency_pkey PRIMARY KEY \
                (code))]
                PASS  migration 9 (release-2025.1 by ana) reverts
                """.formatted(LIQUIBASE)).contains("\nFAILED: 10 checks (9 passed, 1 failed) in ");
    }

    @Test
    void withoutTheReversibilityCheckVerifyPasses() {
        CliProcess.Result result = CliProcess.runOn(admin, "verify", "--migrations", MASTER, "--schema",
                STUDIO + "master-schema.sql", "--no-reversibility");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("PASS  fresh install ≡ migrated path\n")
                .contains("PASSED: 1 check (1 passed) in ");
    }

    @Test
    void contextsLabelsAndPlaceholdersReachLiquibase() throws Exception {
        Database target = server.createDatabase();
        try {
            CliProcess.Result result = CliProcess.run(Map.of("DRIFTLESS_JDBC_PASSWORD", target.password()), "migrate",
                    "--jdbc-url", target.jdbcUrl(), "--user", target.user(), "--contexts", "production", "--labels",
                    "!reporting", "--placeholder", "currency=USD", MASTER);
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).isEqualTo("Migrated the database from version <empty> to 8: applied 1, 2, 3, 4,"
                    + " 5, 6, 7, 8.\n");
            // The test data (context test) and the reporting index (label reporting) did not run; USD did.
            assertThat(query(target, "SELECT (SELECT string_agg(code, ',') FROM currency) || ' '"
                    + " || (SELECT count(*) FROM party) || ' ' || (to_regclass('booking_starts_idx') IS NULL)"))
                    .isEqualTo("USD 0 true");
        } finally {
            server.drop(target);
        }
    }

    private static String query(Database database, String sql) throws Exception {
        try (Connection c = database.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

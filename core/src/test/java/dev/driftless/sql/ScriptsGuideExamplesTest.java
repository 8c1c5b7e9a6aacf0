package dev.driftless.sql;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.testing.GuideSnippets;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The code shown in docs/scripts.md, compiled and run here so that the guide cannot rot. */
class ScriptsGuideExamplesTest {

    @Test
    void thePageShowsOnlyThisCode() {
        GuideSnippets.page("docs/scripts.md").assertShowsOnlyCodeFrom("core/src/test/java/dev/driftless/sql/ScriptsGuideExamplesTest.java");
    }

    private static PostgresServer server;
    private static Database database;

    @BeforeAll
    static void start() {
        server = TestServers.embedded();
        database = server.createDatabase();
    }

    @AfterAll
    static void stop() {
        server.drop(database);
    }

    @Test
    void runAScript() throws SQLException {
        // guide: run
        try (Connection connection = database.connect()) {
            ScriptResult result = ScriptRunner.create()
                    .withVariable("app_schema", "shop")
                    .run(SqlScript.at("classpath:dev/driftless/sql/guide/schema.sql"), connection);
            System.out.println(result.statementCount() + " statements in " + result.duration());
        }
        // end
        try (Connection connection = database.connect()) {
            assertThat(connection.createStatement().executeQuery("SELECT count(*) FROM shop.customer"))
                    .satisfies(rs -> {
                        rs.next();
                        assertThat(rs.getInt(1)).isEqualTo(2);
                    });
        }
    }

    @Test
    void inspectAScript() {
        // guide: parse
        ParsedScript parsed = SqlScript.of("V7__index.sql", """
                CREATE TABLE booking (id int, starts_at timestamptz);
                CREATE INDEX CONCURRENTLY booking_starts ON booking (starts_at);
                """).parse();
        for (Statement statement : parsed.statements()) {
            System.out.println(statement.scriptName() + ":" + statement.line() + " " + statement.sql());
        }
        parsed.runsInTransaction();   // false
        parsed.noTransactionReason(); // "CREATE INDEX CONCURRENTLY at V7__index.sql:2 cannot run inside ..."
        // end
        assertThat(parsed.runsInTransaction()).isFalse();
        assertThat(parsed.statements()).extracting(Statement::line).isEqualTo(List.of(1, 2));
    }

    @Test
    void handleAFailure() throws SQLException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            // guide: failure
            try (Connection connection = database.connect()) {
                ScriptRunner.create().run(SqlScript.of("sql/broken.sql", "SELECT 1;\nSELECT nope;"), connection);
            } catch (ScriptException e) {
                String where = e.scriptName() + ":" + e.line() + ":" + e.column(); // sql/broken.sql:2:8
                String sqlState = e.sqlState().orElse("none");                    // 42703
                System.out.println(e.getMessage());
            }
            // end
        } finally {
            System.setOut(out);
        }
        // The message starts with where and the SQLSTATE, the values the page gives for the two variables.
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .startsWith("sql/broken.sql:2:8 [42703] column \"nope\" does not exist\n");
    }

    @Test
    void reportAFailureInYourOwnTransaction() throws SQLException {
        IllegalStateException thrown = null;
        try {
            // guide: own transaction
            try (Connection connection = database.connect()) {
                connection.setAutoCommit(false); // our transaction: the runner neither commits nor rolls back
                try {
                    ScriptRunner.create().run(SqlScript.of("import.sql", "INSERT INTO t VALUES (1/0);"), connection);
                    connection.commit();
                } catch (ScriptException e) {
                    connection.rollback();
                    // e.outcome(): "The statements ran in the caller's transaction, which is now aborted: roll it back. ..."
                    throw new IllegalStateException("The import failed; nothing was imported.\n" + e.failure(), e);
                }
            }
            // end
        } catch (IllegalStateException e) {
            thrown = e;
        }
        assertThat(thrown).hasMessage("""
                The import failed; nothing was imported.
                import.sql:1:13 [42P01] relation "t" does not exist
                  1 | INSERT INTO t VALUES (1/0);
                    |             ^""");
    }

    @Test
    void sectionsAndModes() {
        // guide: sections
        SqlScript up = SqlScript.of("db/migrations/20240101120000_add_index.sql",
                "CREATE INDEX CONCURRENTLY idx ON t (a);", 2)        // the section starts on line 2 of the file
                .withTransactionMode(TransactionMode.NO_TRANSACTION);
        // end
        assertThat(up.parse().statements().get(0).line()).isEqualTo(2);
        assertThat(up.transactionMode()).isEqualTo(TransactionMode.NO_TRANSACTION);
    }
}

package dev.driftless.sql;

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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A comment, string, dollar quote or quoted identifier left open at the end of a script would swallow the rest of it.
 * Like psql, Driftless refuses the script, naming where the construct opened; the error comes from parsing, so nothing
 * has run.
 */
class UnterminatedConstructTest {

    private static PostgresServer server;
    private static Database db;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = TestServers.embedded();
        db = server.createDatabase();
    }

    @AfterAll
    static void stop() {
        server.drop(db);
    }

    private static ScriptException parseError(String name, String sql) {
        ScriptException e = catchThrowableOfType(ScriptException.class, () -> SqlScript.of(name, sql).parse());
        assertThat(e).as("parsing %s should fail", name).isNotNull();
        assertThat(e.outcome()).isEmpty();
        return e;
    }

    @Test
    void blockComment() {
        ScriptException e = parseError("c.sql", "SELECT 1;\n/* turned off for now\nSELECT 2;\nSELECT 3;\n");
        assertThat(e).hasMessage("""
                c.sql:2:1 unterminated /* comment: the comment that starts here is never closed, so it runs to \
                the end of the script (line 4) and nothing after it would run. Close it with */.
                  2 | /* turned off for now
                    | ^""");
        assertThat(e.scriptName()).isEqualTo("c.sql");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(1);
    }

    @Test
    void blockCommentInsideAStatement() {
        assertThat(parseError("c.sql", "SELECT 1 /* the answer\n;\nSELECT 2;")).hasMessage("""
                c.sql:1:10 unterminated /* comment: the comment that starts here is never closed, so it runs to \
                the end of the script (line 3) and nothing after it would run. Close it with */.
                  1 | SELECT 1 /* the answer
                    |          ^""");
    }

    @Test
    void nestedBlockCommentLeavesTheOuterOneOpen() {
        assertThat(parseError("n.sql", "SELECT 1;\n  /* see /* the note */ below\nSELECT 2;\n")).hasMessage("""
                n.sql:2:3 unterminated /* comment: the comment that starts here is never closed, so it runs to \
                the end of the script (line 3) and nothing after it would run. It holds a nested /* at line 2, \
                column 10: block comments nest in PostgreSQL, so each /* needs a */ of its own. Close it with */.
                  2 |   /* see /* the note */ below
                    |   ^""");
    }

    @Test
    void singleQuotedString() {
        assertThat(parseError("q.sql", "INSERT INTO t VALUES ('it''s);\nSELECT 2;\n")).hasMessage("""
                q.sql:1:23 unterminated quoted string: the ' that starts here is never closed, so the string runs \
                to the end of the script (line 2) and nothing after it would run. End it with ' (a quote inside a \
                string is written '').
                  1 | INSERT INTO t VALUES ('it''s);
                    |                       ^""");
    }

    @Test
    void escapeString() {
        assertThat(parseError("e.sql", "SELECT 1;\nSELECT E'C:\\';\nSELECT 2;\n")).hasMessage("""
                e.sql:2:8 unterminated quoted string: the E' that starts here is never closed, so the string runs \
                to the end of the script (line 3) and nothing after it would run. In an E'...' string a backslash \
                escapes the next character, so \\' does not end it: write \\\\ for a backslash, and end the string \
                with '.
                  2 | SELECT E'C:\\';
                    |        ^""");
    }

    @Test
    void dollarQuotedString() {
        String sql = "CREATE FUNCTION f() RETURNS int AS $body$\nBEGIN RETURN 1; END\n$Body$ LANGUAGE plpgsql;\n";
        assertThat(parseError("d.sql", sql)).hasMessage("""
                d.sql:1:36 unterminated dollar-quoted string: the $body$ that starts here is never closed by \
                another $body$, so the string runs to the end of the script (line 3) and nothing after it would \
                run. Add the closing $body$ (the tags must match exactly, case included).
                  1 | CREATE FUNCTION f() RETURNS int AS $body$
                    |                                    ^""");
        assertThat(parseError("d.sql", "SELECT $$ x;")).hasMessageStartingWith(
                "d.sql:1:8 unterminated dollar-quoted string: the $$ that starts here is never closed by another $$,");
    }

    @Test
    void quotedIdentifier() {
        assertThat(parseError("i.sql", "CREATE TABLE \"orders (id int);\nSELECT 2;\n")).hasMessage("""
                i.sql:1:14 unterminated quoted identifier: the " that starts here is never closed, so the name \
                runs to the end of the script (line 2) and nothing after it would run. End it with " (a quote \
                inside a name is written "").
                  1 | CREATE TABLE "orders (id int);
                    |              ^""");
    }

    @Test
    void sectionsOfAFileReportTheFilesLines() {
        ScriptException e = catchThrowableOfType(ScriptException.class,
                () -> SqlScript.of("db/20240101_x.sql", "SELECT 1;\n/* open\n", 7).parse());
        assertThat(e).hasMessage("""
                db/20240101_x.sql:8:1 unterminated /* comment: the comment that starts here is never closed, so it \
                runs to the end of the script (line 8) and nothing after it would run. Close it with */.
                  8 | /* open
                    | ^""");
        assertThat(e.line()).isEqualTo(8);
    }

    @Test
    void includedFilesShowTheIncludeChain() throws IOException {
        Files.writeString(dir.resolve("inner.sql"), "SELECT 'open;\n");
        Files.writeString(dir.resolve("middle.sql"), "SELECT 1;\n\\ir inner.sql\n");
        Path main = Files.writeString(dir.resolve("main.sql"), "\\ir middle.sql\n");
        assertThatThrownBy(() -> SqlScript.of(main).parse()).isInstanceOf(ScriptException.class).hasMessage(
                dir.resolve("inner.sql") + ":1:8 unterminated quoted string: the ' that starts here is never closed,"
                        + " so the string runs to the end of the script (line 1) and nothing after it would run. End"
                        + " it with ' (a quote inside a string is written '').\n"
                        + "  1 | SELECT 'open;\n"
                        + "    |        ^\n"
                        + "(included from " + dir.resolve("middle.sql") + ":2, included from " + main + ":1)");
    }

    @Test
    void closedConstructsAndQuitBeforeTheOpenOneAreFine() {
        assertThat(SqlScript.of("ok.sql", "SELECT '/*', \"$$\", $x$ ' $x$ /* ' */;\n-- ' \" $$ /*\n").parse()
                .statements()).hasSize(1);
        // psql stops reading at \q, so whatever follows is never looked at
        assertThat(SqlScript.of("q.sql", "SELECT 1;\n\\q\n/* notes, never closed\n").parse().statements()).hasSize(1);
        // inside COPY data, quotes and comments mean nothing
        assertThat(SqlScript.of("copy.sql", "COPY t FROM stdin;\nit's /* data\n\\.\n").parse().statements())
                .hasSize(1);
    }

    @Test
    void theRunnerRefusesTheScriptBeforeAnyStatementRuns() throws SQLException {
        // outside a transaction, statement by statement: without the check the CREATE TABLE would stay applied
        SqlScript script = SqlScript.of("r.sql", "CREATE TABLE unterminated_first (id int);\n"
                + "CREATE TABLE unterminated_second (id int) /* primary key later\n;\n")
                .withTransactionMode(TransactionMode.NO_TRANSACTION);
        try (Connection c = db.connect()) {
            ScriptException e = catchThrowableOfType(ScriptException.class, () -> ScriptRunner.create().run(script, c));
            assertThat(e).hasMessageStartingWith("r.sql:2:43 unterminated /* comment: the comment that starts here"
                    + " is never closed,");
            assertThat(e.outcome()).isEmpty();
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT count(*) FROM pg_class WHERE relname LIKE 'unterminated_%'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("tables created").isZero();
            }
        }
    }
}

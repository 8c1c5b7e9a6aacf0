package dev.driftless.sql;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ScriptRunnerTest {

    private static PostgresServer server;
    private static Database db;

    @BeforeAll
    static void start() {
        server = TestServers.embedded();
        db = server.createDatabase();
    }

    @AfterAll
    static void stop() {
        server.drop(db);
    }

    private static List<String> query(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    @Test
    void runsPlainScriptWithFunctionsAndCopy() throws Exception {
        String sql = """
                CREATE TABLE plain_t (id int PRIMARY KEY, name text);
                CREATE FUNCTION plain_f(a int) RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                  SELECT a + 1;
                  SELECT a + 2;
                END;
                CREATE FUNCTION plain_g() RETURNS text AS $body$ BEGIN RETURN 'x;y'; END $body$ LANGUAGE plpgsql;
                COPY plain_t (id, name) FROM stdin;
                1\tone
                2\ttwo;three
                \\.
                INSERT INTO plain_t VALUES (plain_f(1), plain_g())
                """;
        try (Connection c = db.connect()) {
            ScriptResult result = ScriptRunner.create().run(SqlScript.of("plain.sql", sql), c);
            assertThat(result.statementCount()).isEqualTo(5);
            assertThat(query(c, "SELECT id || ':' || name FROM plain_t ORDER BY id"))
                    .containsExactly("1:one", "2:two;three", "3:x;y");
            assertThat(c.getAutoCommit()).isTrue();
        }
    }

    @Test
    void reportsErrorPositionInFile() throws Exception {
        String sql = "CREATE TABLE err_a (id int);\n\nCREATE TABLE err_b (\n  id int,\n  nme txet NOT NULL\n);\n";
        try (Connection c = db.connect()) {
            ScriptException e = catchThrowableOfType(ScriptException.class,
                    () -> ScriptRunner.create().run(SqlScript.of("db/err.sql", sql), c));
            assertThat(e.getMessage()).isEqualTo("""
                    db/err.sql:5:7 [42704] type "txet" does not exist
                      3 | CREATE TABLE err_b (
                      4 |   id int,
                      5 |   nme txet NOT NULL
                        |       ^
                      6 | );
                    The script ran in one transaction, which was rolled back: nothing of it was applied.""");
            assertThat(e.line()).isEqualTo(5);
            assertThat(e.column()).isEqualTo(7);
            assertThat(e.sqlState()).contains("42704");
            assertThat(query(c, "SELECT count(*) FROM pg_class WHERE relname = 'err_a'")).containsExactly("0");
        }
    }

    @Test
    void rulesDoBlocksAndEchoRunAsPsqlWould() throws Exception {
        String sql = """
                CREATE TABLE rule_a (id int);
                CREATE TABLE rule_b (id int);
                CREATE TABLE rule_c (id int);
                CREATE RULE fan_out AS ON INSERT TO rule_a DO ALSO (INSERT INTO rule_b VALUES (NEW.id); INSERT INTO rule_c VALUES (NEW.id));
                \\echo inserting
                DO $$ BEGIN INSERT INTO rule_a VALUES (7); END $$;
                """;
        try (Connection c = db.connect()) {
            assertThat(ScriptRunner.create().run(SqlScript.of("rules.sql", sql), c).statementCount()).isEqualTo(5);
            assertThat(query(c, "SELECT (SELECT id FROM rule_b) || ',' || (SELECT id FROM rule_c)"))
                    .containsExactly("7,7");
        }
    }

    @Test
    void copyAtTheVeryEndWithoutDataLoadsNothing() throws Exception {
        try (Connection c = db.connect()) {
            ScriptRunner.create().run(SqlScript.of("end.sql", "CREATE TABLE copy_end (id int);\nCOPY copy_end FROM stdin;"), c);
            assertThat(query(c, "SELECT count(*) FROM copy_end")).containsExactly("0");
        }
    }
}

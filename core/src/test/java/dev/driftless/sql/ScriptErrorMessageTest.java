package dev.driftless.sql;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The full text of the messages people see when a statement fails. */
class ScriptErrorMessageTest {

    private static PostgresServer server;
    private static Database db;
    private Connection c;

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

    @BeforeEach
    void connect() throws SQLException {
        c = db.connect();
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private ScriptException fail(SqlScript script) {
        return fail(ScriptRunner.create(), script);
    }

    private ScriptException fail(ScriptRunner runner, SqlScript script) {
        ScriptException e = catchThrowableOfType(ScriptException.class, () -> runner.run(script, c));
        assertThat(e).as("the script should fail").isNotNull();
        return e;
    }

    @Test
    void errorOnLine37OfAFileReportsLine37() throws IOException {
        StringBuilder sql = new StringBuilder("CREATE TABLE ok37 (id int);\n");
        for (int i = 2; i <= 35; i++) {
            sql.append("-- filler ").append(i).append('\n');
        }
        sql.append("CREATE TABLE orders37 (\n    id bigint,\n    placed timestampz\n);\n");
        Path file = Files.writeString(dir.resolve("V3__orders.sql"), sql);
        ScriptException e = fail(SqlScript.of(file));
        assertThat(e.getMessage()).isEqualTo(file + """
                :38:12 [42704] type "timestampz" does not exist
                  36 | CREATE TABLE orders37 (
                  37 |     id bigint,
                  38 |     placed timestampz
                     |            ^
                  39 | );
                The script ran in one transaction, which was rolled back: nothing of it was applied.""");
        assertThat(e.scriptName()).isEqualTo(file.toString());
        assertThat(e.line()).isEqualTo(38);
        assertThat(e.column()).isEqualTo(12);
        assertThat(e.sqlState()).contains("42704");
    }

    @Test
    void serverDetailAndHintAreShown() {
        ScriptException e = fail(SqlScript.of("hint.sql", "SELECT lower(1, 2);"));
        assertThat(e.getMessage()).isEqualTo("""
                hint.sql:1:8 [42883] function lower(integer, integer) does not exist
                  1 | SELECT lower(1, 2);
                    |        ^
                Hint: No function matches the given name and argument types. You might need to add explicit type \
                casts.
                The script ran in one transaction, which was rolled back: nothing of it was applied.""");
    }

    @Test
    void errorsInIncludedFilesNameThatFileAndTheInclude() throws IOException {
        Files.writeString(dir.resolve("part.sql"), "SELECT 1;\nSELECT nope FROM pg_class;\n");
        Path main = Files.writeString(dir.resolve("main.sql"), "SELECT 0;\n\\ir part.sql\n");
        ScriptException e = fail(SqlScript.of(main));
        assertThat(e.getMessage()).isEqualTo(dir.resolve("part.sql") + """
                :2:8 [42703] column "nope" does not exist
                  2 | SELECT nope FROM pg_class;
                    |        ^
                (included from\s""" + main + """
                :2)
                The script ran in one transaction, which was rolled back: nothing of it was applied.""");
        assertThat(e.scriptName()).isEqualTo(dir.resolve("part.sql").toString());
    }

    @Test
    void positionsAfterInterpolatedVariablesMapToTheFile() {
        ScriptRunner runner = ScriptRunner.create().withVariable("tbl", "a_rather_long_table_name");
        ScriptException e = fail(runner, SqlScript.of("v.sql", "SELECT :'tbl', :tbl.x, nope;"));
        assertThat(e.getMessage()).isEqualTo("""
                v.sql:1:16 [42P01] missing FROM-clause entry for table "a_rather_long_table_name"
                  1 | SELECT :'tbl', :tbl.x, nope;
                    |                ^
                The script ran in one transaction, which was rolled back: nothing of it was applied.""");
        ScriptException after = fail(runner, SqlScript.of("v.sql", "SELECT :'tbl',\n  nope;"));
        assertThat(after.line()).isEqualTo(2);
        assertThat(after.column()).isEqualTo(3);
    }

    @Test
    void sectionsOfLargerFilesReportTheFilesLines() {
        ScriptException e = fail(SqlScript.of("db/migrations/20240101_x.sql", "-- migrate:up\nSELECT nope;\n", 5));
        assertThat(e.getMessage()).isEqualTo("""
                db/migrations/20240101_x.sql:6:8 [42703] column "nope" does not exist
                  6 | SELECT nope;
                    |        ^
                The script ran in one transaction, which was rolled back: nothing of it was applied.""");
    }

    @Test
    void plpgsqlBodyErrorsPointIntoTheBody() {
        String sql = """
                CREATE FUNCTION broken() RETURNS int LANGUAGE plpgsql AS $$
                BEGIN
                  RETURN 1
                  RETURN 2;
                END $$;
                """;
        ScriptException e = fail(SqlScript.of("fn.sql", sql));
        assertThat(e.getMessage()).isEqualTo("""
                fn.sql:4:10 [42601] syntax error at or near "2"
                  1 | CREATE FUNCTION broken() RETURNS int LANGUAGE plpgsql AS $$
                  2 | BEGIN
                  3 |   RETURN 1
                  4 |   RETURN 2;
                    |          ^
                  5 | END $$;
                The script ran in one transaction, which was rolled back: nothing of it was applied.""");
    }

    @Test
    void longStatementsShowTheLinesAroundTheError() {
        StringBuilder sql = new StringBuilder("CREATE TABLE wide (\n");
        for (int i = 1; i <= 20; i++) {
            sql.append("  c").append(i).append(i == 12 ? " inte" : " int").append(",\n");
        }
        sql.append("  last int\n);");
        ScriptException e = fail(SqlScript.of("wide.sql", sql.toString()));
        assertThat(e.getMessage()).isEqualTo("""
                wide.sql:13:7 [42704] type "inte" does not exist
                     | ...
                  10 |   c9 int,
                  11 |   c10 int,
                  12 |   c11 int,
                  13 |   c12 inte,
                     |       ^
                  14 |   c13 int,
                  15 |   c14 int,
                  16 |   c15 int,
                     | ...
                The script ran in one transaction, which was rolled back: nothing of it was applied.""");
    }

    @Test
    void veryLongLinesAreCutAroundTheCaret() {
        String values = "(1), ".repeat(100);
        ScriptException e = fail(SqlScript.of("ins.sql", "INSERT INTO nowhere_x VALUES " + values + "(2);"));
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(13);
        assertThat(e.getMessage().lines().toList().get(1)).hasSizeLessThan(180).startsWith("  1 | INSERT INTO"
                + " nowhere_x VALUES (1), ").endsWith("...");
        assertThat(e.getMessage().lines().toList().get(2)).isEqualTo("    |             ^");
    }

    @Test
    void crlfFilesReportColumnsWithoutCarriageReturns() {
        ScriptException e = fail(SqlScript.of("crlf.sql", "SELECT 1;\r\nSELECT\r\n  nope;\r\n"));
        assertThat(e.getMessage()).isEqualTo("""
                crlf.sql:3:3 [42703] column "nope" does not exist
                  2 | SELECT
                  3 |   nope;
                    |   ^
                The script ran in one transaction, which was rolled back: nothing of it was applied.""");
    }

    @Test
    void errorsAfterSemicolonsInsideBeginAtomicBodiesMapToTheFile() {
        String sql = """
                CREATE FUNCTION atomic_f(a int) RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                  SELECT a;
                  SELECT nope;
                END;
                """;
        ScriptException e = fail(SqlScript.of("atomic.sql", sql));
        assertThat(e.getMessage()).isEqualTo("""
                atomic.sql:4:10 [42703] column "nope" does not exist
                  1 | CREATE FUNCTION atomic_f(a int) RETURNS int LANGUAGE sql
                  2 | BEGIN ATOMIC
                  3 |   SELECT a;
                  4 |   SELECT nope;
                    |          ^
                  5 | END;
                The script ran in one transaction, which was rolled back: nothing of it was applied.""");
    }

    @Test
    void runtimeErrorsInsideFunctionsShowTheServersContext() {
        String sql = """
                CREATE FUNCTION inner_fail() RETURNS int LANGUAGE plpgsql AS $$
                BEGIN
                  RAISE EXCEPTION 'no stock for %', 'widget' USING HINT = 'Restock first.';
                END $$;
                CREATE FUNCTION outer_call() RETURNS int LANGUAGE sql AS 'SELECT inner_fail()';
                SELECT outer_call();
                """;
        ScriptException e = fail(SqlScript.of("ctx.sql", sql));
        assertThat(e.getMessage()).isEqualTo("""
                ctx.sql:6:1 [P0001] no stock for widget
                  6 | SELECT outer_call();
                Hint: Restock first.
                Where: PL/pgSQL function inner_fail() line 3 at RAISE
                The script ran in one transaction, which was rolled back: nothing of it was applied.""");
    }
}

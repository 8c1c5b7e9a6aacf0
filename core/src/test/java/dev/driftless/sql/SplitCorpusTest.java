package dev.driftless.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A corpus of tricky scripts: each splits into the expected statements, with the right line and column. */
class SplitCorpusTest {

    /** Renders each statement as {@code line:column sql}. */
    private static List<String> split(String sql) {
        return SqlScript.of("corpus.sql", sql).parse().statements().stream()
                .map(s -> s.line() + ":" + s.column() + " " + s.sql())
                .toList();
    }

    @Test
    void singleQuotedStrings() {
        assertThat(split("SELECT 'a;b';\nSELECT 'it''s; here' AS x;\nSELECT 'C:\\';SELECT 2;"))
                .containsExactly("1:1 SELECT 'a;b'", "2:1 SELECT 'it''s; here' AS x", "3:1 SELECT 'C:\\'",
                        "3:14 SELECT 2");
    }

    @Test
    void escapeStringsWithBackslashes() {
        assertThat(split("SELECT E'it\\'s; \\\\';\nSELECT e'\\\\';SELECT 1;\nSELECT x'FF', U&'d\\0061t;a';"))
                .containsExactly("1:1 SELECT E'it\\'s; \\\\'", "2:1 SELECT e'\\\\'", "2:14 SELECT 1",
                        "3:1 SELECT x'FF', U&'d\\0061t;a'");
    }

    @Test
    void dollarQuotesWithAndWithoutTagsNested() {
        String sql = """
                CREATE FUNCTION f() RETURNS text AS $$ SELECT ';' $$ LANGUAGE sql;
                CREATE FUNCTION g() RETURNS void AS $outer$
                BEGIN
                  EXECUTE $inner$ SELECT 1; $$ still; $inner$;
                  RAISE NOTICE 'x;';
                END
                $outer$ LANGUAGE plpgsql;
                PREPARE p AS SELECT $1::int; SELECT a$b FROM t$;
                """;
        assertThat(split(sql)).containsExactly(
                "1:1 CREATE FUNCTION f() RETURNS text AS $$ SELECT ';' $$ LANGUAGE sql",
                "2:1 CREATE FUNCTION g() RETURNS void AS $outer$\nBEGIN\n  EXECUTE $inner$ SELECT 1; $$ still;"
                        + " $inner$;\n  RAISE NOTICE 'x;';\nEND\n$outer$ LANGUAGE plpgsql",
                "8:1 PREPARE p AS SELECT $1::int", "8:30 SELECT a$b FROM t$");
    }

    @Test
    void quotedIdentifiers() {
        assertThat(split("CREATE TABLE \"a;b\" (\"x\"\"; y\" int);\nSELECT 1;"))
                .containsExactly("1:1 CREATE TABLE \"a;b\" (\"x\"\"; y\" int)", "2:1 SELECT 1");
    }

    @Test
    void lineComments() {
        assertThat(split("-- leading; 'comment\nSELECT 1 -- trailing; $$\n, 2;\n-- between;\nSELECT 3;"))
                .containsExactly("2:1 SELECT 1 -- trailing; $$\n, 2", "5:1 SELECT 3");
    }

    @Test
    void nestedBlockComments() {
        assertThat(split("/* a /* nested; */ still comment; */ SELECT 1 /* x; /* y */ ; */;\nSELECT 2;"))
                .containsExactly("1:38 SELECT 1 /* x; /* y */ ; */", "2:1 SELECT 2");
    }

    @Test
    void beginAtomicBodies() {
        String sql = """
                CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                  SELECT CASE WHEN a > 0 THEN 1 ELSE 2 END;
                  SELECT a;
                END;
                create or replace procedure p() language sql begin atomic insert into t values (1); end;
                BEGIN;
                SELECT CASE WHEN true THEN 1 END;
                COMMIT;
                """;
        assertThat(split(sql)).containsExactly(
                "1:1 CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n"
                        + "  SELECT CASE WHEN a > 0 THEN 1 ELSE 2 END;\n  SELECT a;\nEND",
                "6:1 create or replace procedure p() language sql begin atomic insert into t values (1); end",
                "7:1 BEGIN", "8:1 SELECT CASE WHEN true THEN 1 END", "9:1 COMMIT");
    }

    @Test
    void semicolonsInsideParenthesesDoNotSplit() {
        assertThat(split("CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES"
                + " (2));\nSELECT 1;"))
                .containsExactly("1:1 CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT"
                        + " INTO b VALUES (2))", "2:1 SELECT 1");
    }

    @Test
    void crlfLineEndings() {
        assertThat(split("SELECT 1;\r\n\r\nSELECT\r\n  2;\r\n  SELECT 3;\r\n"))
                .containsExactly("1:1 SELECT 1", "3:1 SELECT\r\n  2", "5:3 SELECT 3");
    }

    @Test
    void byteOrderMarkIsStripped() {
        SqlScript script = SqlScript.of("bom.sql", "\uFEFFSELECT 1;\nSELECT 2;");
        assertThat(script.content()).isEqualTo("SELECT 1;\nSELECT 2;");
        assertThat(split("\uFEFFSELECT 1;\nSELECT 2;")).containsExactly("1:1 SELECT 1", "2:1 SELECT 2");
    }

    @Test
    void lastStatementWithoutSemicolon() {
        assertThat(split("SELECT 1;\nSELECT 2\n  -- done\n\n")).containsExactly("1:1 SELECT 1",
                "2:1 SELECT 2\n  -- done");
        assertThat(split("SELECT 1;\n-- only a comment\n/* and another */\n")).containsExactly("1:1 SELECT 1");
    }

    @Test
    void emptyStatementsAndBlankScripts() {
        assertThat(split(";;\n ; SELECT 1;;; SELECT 2;")).containsExactly("2:4 SELECT 1", "2:16 SELECT 2");
        assertThat(split("")).isEmpty();
        assertThat(split("\n\n  \t\n")).isEmpty();
    }

    @Test
    void copyFromStdinData() {
        String sql = """
                COPY t (a, b) FROM stdin;
                1\tx;y
                2\t'quoted' $$ -- not a comment
                3\tends with \\.
                \\.
                COPY t FROM STDIN WITH (FORMAT csv);
                "a;b",2
                \\.
                SELECT 1;
                """;
        List<Statement> statements = SqlScript.of("copy.sql", sql).parse().statements();
        assertThat(statements).extracting(s -> s.line() + " " + s.sql()).containsExactly(
                "1 COPY t (a, b) FROM stdin", "6 COPY t FROM STDIN WITH (FORMAT csv)", "9 SELECT 1");
        assertThat(statements.get(0).copyData())
                .contains("1\tx;y\n2\t'quoted' $$ -- not a comment\n3\tends with \\.\n");
        assertThat(statements.get(1).copyData()).contains("\"a;b\",2\n");
        assertThat(statements.get(2).copyData()).isEmpty();
    }

    @Test
    void copyDataRunningToTheEndWithoutTerminator() {
        List<Statement> statements = SqlScript.of("copy.sql", "COPY t FROM stdin;\n1\n2").parse().statements();
        assertThat(statements.get(0).copyData()).contains("1\n2");
        assertThat(SqlScript.of("copy.sql", "COPY t FROM stdin;").parse().statements().get(0).copyData())
                .contains("");
    }

    @Test
    void copyToOrFromFilesIsAnOrdinaryStatement() {
        assertThat(split("COPY t FROM '/tmp/x;y';\nCOPY (SELECT 1 FROM stdin_t) TO STDOUT;\nSELECT 1;"))
                .containsExactly("1:1 COPY t FROM '/tmp/x;y'", "2:1 COPY (SELECT 1 FROM stdin_t) TO STDOUT",
                        "3:1 SELECT 1");
    }

    @Test
    void columnsCountCharactersNotUtf16Units() {
        assertThat(split("SELECT '𝄞'; SELECT 'é';")).containsExactly("1:1 SELECT '𝄞'", "1:13 SELECT 'é'");
    }

    @Test
    void sectionOfALargerFileReportsItsLines() {
        List<Statement> statements = SqlScript.of("20240101_x.sql", "CREATE TABLE a ();\n\nCREATE TABLE b ();",
                12).parse().statements();
        assertThat(statements).extracting(Statement::line).containsExactly(12, 14);
        assertThat(statements).extracting(Statement::scriptName).containsOnly("20240101_x.sql");
    }

    @Test
    void pgDumpRestrictLinesAreAccepted() {
        String sql = """
                --
                -- PostgreSQL database dump
                --

                \\restrict abcDEF123

                SET statement_timeout = 0;
                SELECT pg_catalog.set_config('search_path', '', false);

                \\unrestrict abcDEF123

                """;
        assertThat(split(sql)).containsExactly("7:1 SET statement_timeout = 0",
                "8:1 SELECT pg_catalog.set_config('search_path', '', false)");
    }

    @Test
    void combination() {
        String sql = """
                /* header */ -- with a line comment
                DO $do$
                DECLARE s text := $q$it's -- fine; /* too */$q$;
                BEGIN
                  PERFORM 1; -- ;
                END $do$;
                INSERT INTO "t;1" VALUES (E'a\\';b', 'c''d', $$e;f$$) -- trailing
                ; SELECT ( 1 ; 2 ) -- a syntax error, but one statement, as in psql
                ;
                """;
        assertThat(split(sql)).containsExactly(
                "2:1 DO $do$\nDECLARE s text := $q$it's -- fine; /* too */$q$;\nBEGIN\n  PERFORM 1; -- ;\nEND $do$",
                "7:1 INSERT INTO \"t;1\" VALUES (E'a\\';b', 'c''d', $$e;f$$) -- trailing",
                "8:3 SELECT ( 1 ; 2 ) -- a syntax error, but one statement, as in psql");
    }
}

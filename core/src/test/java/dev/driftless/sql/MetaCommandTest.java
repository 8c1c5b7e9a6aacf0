package dev.driftless.sql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** psql meta-commands: includes, variables, echo, restrict, and clear errors for everything else. */
class MetaCommandTest {

    @TempDir
    Path dir;

    private static List<String> statements(SqlScript script) {
        return script.parse().statements().stream().map(s -> s.scriptName() + ":" + s.line() + " " + s.sql()).toList();
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void includesRelativeToTheIncludingFile() throws IOException {
        write("db/tables/a.sql", "CREATE TABLE a ();\n\\ir ../common/b.sql\n");
        write("db/common/b.sql", "\n\nCREATE TABLE b ();\n");
        Path main = write("db/main.sql", "\\i tables/a.sql\n\\include common/b.sql\nSELECT 1;\n");
        SqlScript script = SqlScript.of(main);
        assertThat(script.parse().statements()).extracting(s -> Path.of(s.scriptName()).getFileName() + ":"
                + s.line() + " " + s.sql())
                .containsExactly("a.sql:1 CREATE TABLE a ()", "b.sql:3 CREATE TABLE b ()", "b.sql:3 CREATE TABLE b ()",
                        "main.sql:3 SELECT 1");
    }

    @Test
    void includesFromTheClassPathAndABaseDirectory() throws IOException {
        assertThat(statements(SqlScript.at("classpath:dev/driftless/sql/includes/main.sql"))).containsExactly(
                "classpath:dev/driftless/sql/includes/main.sql:1 CREATE TABLE inc_main (id int)",
                "classpath:dev/driftless/sql/includes/parts/child.sql:2 INSERT INTO inc_main VALUES (1)",
                "classpath:dev/driftless/sql/includes/main.sql:3 INSERT INTO inc_main VALUES (2)");
        write("lib/x.sql", "SELECT 'x';");
        assertThat(statements(SqlScript.of("memory.sql", "\\i lib/x.sql").withBaseDirectory(dir)))
                .containsExactly(dir.resolve("lib/x.sql") + ":1 SELECT 'x'");
    }

    @Test
    void includeCyclesNameTheChain() throws IOException {
        write("a.sql", "SELECT 1;\n\\ir b.sql\n");
        write("b.sql", "\\ir a.sql\n");
        String a = dir.resolve("a.sql").toString();
        String b = dir.resolve("b.sql").toString();
        SqlScript absolute = SqlScript.of(dir.resolve("a.sql"));
        assertThatThrownBy(absolute::parse).isInstanceOf(ScriptException.class).hasMessage(
                b + ":1:1 \\ir a.sql makes an include cycle: " + a + ":2 -> " + b + ":1 -> " + a
                        + ". Remove one of these includes.\n"
                        + "  1 | \\ir a.sql\n"
                        + "    | ^");
    }

    @Test
    void missingIncludeSaysWhereItLooked() {
        SqlScript script = SqlScript.of("m.sql", "SELECT 1;\n\\i nowhere.sql\n").withBaseDirectory(dir);
        assertThatThrownBy(script::parse).isInstanceOf(ScriptException.class).hasMessage(
                "m.sql:2:1 \\i nowhere.sql: no such file. Looked at: " + dir.resolve("nowhere.sql") + ", "
                        + Path.of("nowhere.sql").toAbsolutePath() + ".\n"
                        + "  2 | \\i nowhere.sql\n"
                        + "    | ^");
    }

    @Test
    void variablesAreInterpolatedOutsideQuotesLikePsql() {
        String sql = """
                \\set schema app
                \\set greeting 'it''s ' here
                \\set table "Weird Name"
                CREATE TABLE :schema.t (a text DEFAULT :'greeting', b int);
                SELECT ':schema', $$:schema$$, ":schema", 1::int, :'undefined', :"schema" -- :schema
                ;
                SELECT * FROM :table;
                \\unset schema
                SELECT :schema;
                """;
        assertThat(statements(SqlScript.of("v.sql", sql))).containsExactly(
                "v.sql:4 CREATE TABLE app.t (a text DEFAULT 'it''s here', b int)",
                "v.sql:5 SELECT ':schema', $$:schema$$, \":schema\", 1::int, :'undefined', \"app\" -- :schema",
                "v.sql:7 SELECT * FROM \"Weird Name\"",
                "v.sql:9 SELECT :schema");
    }

    @Test
    void backslashesInLiteralVariablesMakeEscapeStrings() {
        assertThat(statements(SqlScript.of("v.sql", "\\set path 'C:\\\\dir'\nSELECT :'path';")))
                .containsExactly("v.sql:2 SELECT E'C:\\\\dir'");
    }

    @Test
    void onErrorStopEchoAndQuitAreAccepted() {
        String sql = "\\set ON_ERROR_STOP on\n\\echo loading :ON_ERROR_STOP\n\\qecho x\n\\warn careful\nSELECT 1;\n"
                + "\\q\nSELECT 2;\n";
        assertThat(statements(SqlScript.of("e.sql", sql))).containsExactly("e.sql:5 SELECT 1");
    }

    @Test
    void restrictMustMatchUnrestrict() {
        assertThatThrownBy(() -> SqlScript.of("r.sql", "\\restrict abc\nSELECT 1;\n\\unrestrict xyz\n").parse())
                .hasMessage("r.sql:3:1 \\unrestrict xyz does not match the key of \\restrict abc.\n"
                        + "  3 | \\unrestrict xyz\n"
                        + "    | ^");
        assertThatThrownBy(() -> SqlScript.of("r.sql", "\\restrict abc\n\\i other.sql\n").parse())
                .hasMessageStartingWith("r.sql:2:1 \\i after \\restrict: pg_dump's \\restrict forbids meta-commands"
                        + " until \\unrestrict abc.");
    }

    @Test
    void unsupportedMetaCommandsFailBeforeAnythingRunsNamingTheLine() {
        assertThatThrownBy(() -> SqlScript.of("u.sql", "SELECT 1;\n\n  \\gset\n").parse())
                .isInstanceOf(ScriptException.class)
                .hasMessage("u.sql:3:3 unsupported psql meta-command \\gset. Driftless supports \\i, \\ir, \\include,"
                        + " \\set, \\unset, \\echo, \\qecho, \\warn, \\restrict, \\unrestrict, \\connect (to the same"
                        + " database) and \\q; remove the line or replace it with SQL.\n"
                        + "  3 |   \\gset\n"
                        + "    |   ^")
                .satisfies(e -> {
                    ScriptException se = (ScriptException) e;
                    assertThat(se.line()).isEqualTo(3);
                    assertThat(se.column()).isEqualTo(3);
                    assertThat(se.sqlState()).isEmpty();
                });
    }

    @Test
    void commandsThatNeedPsqlSaySo() {
        assertThatThrownBy(() -> SqlScript.of("p.sql", "\\copy t from program 'curl x'\n").parse())
                .hasMessage("p.sql:1:1 \\copy reads or writes files or programs on the client, which needs the psql"
                        + " client itself; Driftless runs scripts without psql. Use COPY ... FROM STDIN with the data"
                        + " inline (as pg_dump writes it), or a server-side COPY.\n"
                        + "  1 | \\copy t from program 'curl x'\n"
                        + "    | ^");
        assertThatThrownBy(() -> SqlScript.of("p.sql", "SELECT 1;\n\\! rm -rf /tmp/x\n").parse())
                .hasMessageStartingWith("p.sql:2:1 \\! runs a shell command, which needs the psql client itself;"
                        + " Driftless runs scripts without psql. Run that command outside the script.");
    }

    @Test
    void metaCommandInTheMiddleOfAStatement() {
        assertThatThrownBy(() -> SqlScript.of("m.sql", "SELECT 1,\n  2 \\echo hi\n;").parse())
                .hasMessageStartingWith("m.sql:2:5 \\echo in the middle of the statement that starts at line 1;"
                        + " Driftless runs meta-commands only between statements. End that statement with ; before"
                        + " this line.");
    }

    @Test
    void copyTerminatorWithoutCopy() {
        assertThatThrownBy(() -> SqlScript.of("c.sql", "SELECT 1;\n\\.\n").parse())
                .hasMessageStartingWith("c.sql:2:1 \\. without a COPY ... FROM STDIN before it.");
    }

    @Test
    void variablesInIncludePaths() throws IOException {
        write("v2/x.sql", "SELECT 'v2';");
        SqlScript script = SqlScript.of("m.sql", "\\set version v2\n\\i :version/x.sql\n").withBaseDirectory(dir);
        assertThat(statements(script)).containsExactly(dir.resolve("v2/x.sql") + ":1 SELECT 'v2'");
    }
}

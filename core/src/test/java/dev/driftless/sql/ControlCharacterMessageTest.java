package dev.driftless.sql;

import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.MigrationException;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Control characters from binary files, hostile file names or the server quoting a statement never reach a terminal
 * raw: every message about a script shows them as {@code <U+0001>}, and the caret still points at the right place.
 */
class ControlCharacterMessageTest {

    @TempDir
    Path dir;

    @Test
    void inParseProblemsAndServerErrorsWithTheCaretInPlace() throws SQLException {
        // a parse problem quoting the line
        assertThatThrownBy(() -> SqlScript.of("ctl.sql", "SELECT 1;\n\\g\u0007\u001b[2J x\n").parse())
                .hasMessage("ctl.sql:2:1 unsupported psql meta-command \\g<U+0007><U+001B>[2J. Driftless supports"
                        + " \\i, \\ir, \\include, \\set, \\unset, \\echo, \\qecho, \\warn, \\restrict, \\unrestrict,"
                        + " \\connect (to the same database) and \\q; remove the line or replace it with SQL.\n"
                        + "  2 | \\g<U+0007><U+001B>[2J x\n"
                        + "    | ^");
        // a server error quoting the statement: the caret still points at the right character
        PostgresServer server = TestServers.embedded();
        Database db = server.createDatabase();
        try (Connection c = db.connect()) {
            ScriptException e = catchThrowableOfType(ScriptException.class, () -> ScriptRunner.create()
                    .run(SqlScript.of("bin.sql", "SELECT 1 \u0001\u0002 FROM\u202Ex;"), c));
            assertThat(e.getMessage()).isEqualTo("""
                    bin.sql:1:10 [42601] syntax error at or near "<U+0001>"
                      1 | SELECT 1 <U+0001><U+0002> FROM<U+202E>x;
                        |          ^
                    The script ran in one transaction, which was rolled back: nothing of it was applied.""");
            assertThat(e.getMessage()).doesNotContain("\u0001", "\u0002", "\u202E");
        } finally {
            server.drop(db);
        }
    }

    @Test
    void inScriptFileNames() throws IOException {
        Path file = Files.write(dir.resolve("evil\u001b]0;pwned\u0007.sql"), "SELECT 'caf\u00e9';"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> SqlScript.of(file)).isInstanceOf(ScriptException.class)
                .hasMessageStartingWith(dir + "/evil<U+001B>]0;pwned<U+0007>.sql:1:12 is not valid UTF-8")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b", "\u0007"))
                .satisfies(e -> assertThat(((ScriptException) e).failure()).doesNotContain("\u001b"));
    }

    @Test
    void inMigrationFileNames() throws IOException {
        Files.writeString(dir.resolve("001_a.sql"), "SELECT 1;\n");
        Files.writeString(dir.resolve("x\u001b[31m.sql"), "SELECT 2;\n");
        assertThatThrownBy(() -> MigrationChain.at(dir.toString())).isInstanceOf(MigrationException.class)
                .hasMessageContaining(dir + "/x<U+001B>[31m.sql fits no pattern of the numbered files layout")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b"));
    }
}

package dev.driftless.cli;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The source arguments of {@code diff} and {@code snapshot}, run as a user would: the real jar. */
class SourcesIT {

    private static final String DIR = "src/test/resources/cli/";
    private static final String WORKING_DIRECTORY = Path.of("").toAbsolutePath().toString();

    @TempDir
    Path tmp;

    @Test
    void aVersionSuffixThatIsNotAVersionIsBadInput() {
        CliProcess.Result diff = CliProcess.run("diff", DIR + "migrations@garbage", DIR + "schema.sql");
        assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(2);
        assertThat(diff.out()).isEmpty();
        assertThat(diff.err()).isEqualTo("driftless diff: A src/test/resources/cli/migrations@garbage: \"garbage\" is"
                + " not a migration version (numbers separated by . or _, e.g. 003 or 1.2). folder@version names a"
                + " version of the chain in the folder; the versions of src/test/resources/cli/migrations are 001,"
                + " 002.\n");

        CliProcess.Result snapshot = CliProcess.run("snapshot", DIR + "migrations@a b");
        assertThat(snapshot.exitCode()).as(snapshot.toString()).isEqualTo(2);
        assertThat(snapshot.err()).isEqualTo("driftless snapshot: SOURCE src/test/resources/cli/migrations@a b: \"a b\""
                + " is not a migration version (numbers separated by . or _, e.g. 003 or 1.2). folder@version names a"
                + " version of the chain in the folder; the versions of src/test/resources/cli/migrations are 001,"
                + " 002.\n");
    }

    @Test
    void bothSourcesAreCheckedBeforeAnyServerStarts() {
        CliProcess.Result result = CliProcess.run("diff", DIR + "migrations", DIR + "migrations@7");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("driftless diff: B src/test/resources/cli/migrations@7: version 7 is not in"
                + " the migration chain at src/test/resources/cli/migrations; its versions are 001, 002.\n");
    }

    @Test
    void controlCharactersInArgumentsAreShownVisibly() {
        CliProcess.Result result = CliProcess.run("diff", "x\u001b]0;pwned\u0007\u001b[2Jy.sql", DIR + "schema.sql");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        String shown = "x<U+001B>]0;pwned<U+0007><U+001B>[2Jy.sql";
        assertThat(result.err()).isEqualTo("driftless diff: A " + shown + ": No sources found at '" + shown + "':"
                + " nothing exists there. Searched:\n  " + WORKING_DIRECTORY + "/" + shown + " (file system)\n"
                + "  classpath:" + shown + " (class path)\n"
                + "Check the spelling; a file path is resolved against the working directory " + WORKING_DIRECTORY
                + ", a 'classpath:' location against the class path. A source is an SQL script, a migration folder"
                + " (optionally folder@version), a snapshot .json file or a jdbc:postgresql: URL.\n");
    }

    @Test
    void anUnreadableSnapshotIsBadInput() throws Exception {
        Path binary = tmp.resolve("binary.json");
        Files.write(binary, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});

        CliProcess.Result result = CliProcess.run("diff", binary.toString(), binary.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("driftless diff: A " + binary + ":1:2 is not valid UTF-8: the byte 0xC3 at"
                + " byte offset 1 does not form a UTF-8 character. Driftless reads every text file as UTF-8 and never"
                + " substitutes characters. Save the file as UTF-8 (iconv -f LATIN1 -t UTF-8 converts a Latin-1 file);"
                + " pg_dump writes UTF-8 when the database encoding is UTF8.\n");
    }

    @Test
    void aPasswordInAJdbcUrlIsShownNowhere() throws Exception {
        PostgresServer server = TestServers.embedded();
        Database admin = server.createDatabase();
        String role = "driftless_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String secret = "s3cret-" + role;
        try {
            execute(admin, "CREATE ROLE " + role + " LOGIN PASSWORD '" + secret + "'");
            String url = admin.jdbcUrl() + "?user=" + role + "&password=" + secret;
            Path report = tmp.resolve("diff.md");

            CliProcess.Result result = CliProcess.run(Map.of(), "diff", url, url, "--report", report.toString());

            assertThat(result.exitCode()).as(result.toString()).isZero();
            String shown = admin.jdbcUrl() + "?user=" + role + "&password=***";
            assertThat(result.out()).isEqualTo("No differences between " + shown + " and " + shown + ".\n");
            assertThat(result.err()).contains("Reading the schema of " + shown + " ...").doesNotContain(secret);
            assertThat(Files.readString(report)).doesNotContain(secret);
        } finally {
            execute(admin, "DROP ROLE IF EXISTS " + role);
            server.drop(admin);
        }
    }

    private static void execute(Database db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

package dev.driftless.migration;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.SqlScript;
import dev.driftless.testing.HostileFiles;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Migration folders holding what no migration should be: text that is not UTF-8, NUL bytes, a comment or quote left
 * open, links to nowhere, pipes, devices, folders named like scripts, folders that cannot be listed. Reading the chain
 * refuses each with a message naming the file, before any migration runs; nothing is skipped in silence.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileMigrationFolderTest {

    private static final String LATIN1_CAFE = "SELECT 'café';\n";
    private static final String NOT_UTF8 = " is not valid UTF-8: the byte 0xE9 at byte offset 11 does not form a"
            + " UTF-8 character. Driftless reads every text file as UTF-8 and never substitutes characters. Save the file"
            + " as UTF-8 (iconv -f LATIN1 -t UTF-8 converts a Latin-1 file); pg_dump writes UTF-8 when the database"
            + " encoding is UTF8.";
    private static final String REGULAR_ONLY = " Driftless reads scripts only from regular files, so that reading can"
            + " neither block nor run on endlessly; use a regular file holding the script instead.";

    @TempDir
    Path dir;

    private Path write(String relative, String text) throws IOException {
        return write(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String relative, byte[] bytes) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    private String invalid(String layout) {
        return "The migration chain at '" + dir + "' (" + layout + " layout) is invalid:\n  - ";
    }

    /** The same Latin-1 bytes as a migration of every layout: refused, never decoded with U+FFFD. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "numbered files       | 001_a.sql                      | 002_b.sql                      | 1",
        "Flyway               | V1__a.sql                      | V2__b.sql                      | 1",
        "golang-migrate       | 1_a.up.sql                     | 2_b.up.sql                     | 1",
        "folder per migration | 001_a/up.sql                   | 002_b/up.sql                   | 1",
        "Prisma               | 20240101000000_a/migration.sql | 20240102000000_b/migration.sql | 1",
        "dbmate               | 20240101000000_a.sql           | 20240102000000_b.sql           | 2",
    })
    void invalidUtf8IsRefusedInEveryLayout(String layout, String good, String bad, int line) throws IOException {
        boolean dbmate = layout.equals("dbmate");
        write(good, (dbmate ? "-- migrate:up\n" : "") + "SELECT 1;\n");
        write(bad, ((dbmate ? "-- migrate:up\n" : "") + LATIN1_CAFE).getBytes(StandardCharsets.ISO_8859_1));
        int offset = dbmate ? 25 : 11;
        assertThatThrownBy(() -> MigrationChain.at(dir.toString())).isInstanceOf(MigrationException.class)
                .hasMessage(invalid(layout) + dir.resolve(bad) + ":" + line + ":12" + NOT_UTF8
                        .replace("offset 11", "offset " + offset));
    }

    @Test
    void invalidUtf8IsRefusedInSqitchPlansScriptsAndMasterSchemas() throws IOException {
        write("sqitch.plan", "%project=x\n\nfirst 2024-01-01T00:00:00Z A <a@b> # one\n");
        write("deploy/first.sql", LATIN1_CAFE.getBytes(StandardCharsets.ISO_8859_1));
        write("revert/first.sql", "SELECT 1;\n");
        assertThatThrownBy(() -> MigrationChain.at(dir.toString())).isInstanceOf(MigrationException.class)
                .hasMessage(invalid("sqitch") + dir.resolve("deploy/first.sql") + ":1:12" + NOT_UTF8);

        Path schema = write("schema/init.sql", LATIN1_CAFE.getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> MigrationChain.at(schema.toString())).isInstanceOf(MigrationException.class)
                .hasMessage(schema + ":1:12" + NOT_UTF8);
    }

    @Test
    void invalidUtf8IsRefusedInsideAJar() throws IOException {
        Path jar = dir.resolve("migrations.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String folder : new String[] {"db/", "db/migrations/"}) {
                out.putNextEntry(new JarEntry(folder));
                out.closeEntry();
            }
            put(out, "db/migrations/V1__init.sql", "SELECT 1;\n".getBytes(StandardCharsets.UTF_8));
            put(out, "db/migrations/V2__cafe.sql", LATIN1_CAFE.getBytes(StandardCharsets.ISO_8859_1));
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Thread.currentThread().setContextClassLoader(loader);
            assertThatThrownBy(() -> MigrationChain.at("classpath:db/migrations"))
                    .isInstanceOf(MigrationException.class)
                    .hasMessage("The migration chain at 'classpath:db/migrations' (Flyway layout) is invalid:\n"
                            + "  - classpath:db/migrations/V2__cafe.sql:1:12" + NOT_UTF8);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        OutputStream stream = out;
        stream.write(bytes);
        out.closeEntry();
    }

    @Test
    void aByteOrderMarkIsAcceptedAndTheChecksumStaysAsBefore() throws Exception {
        byte[] body = "CREATE TABLE t (name text DEFAULT 'café');\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        write("001_init.sql", withBom);
        Migration migration = MigrationChain.at(dir.toString()).migrations().get(0);
        assertThat(migration.up().content()).isEqualTo(new String(body, StandardCharsets.UTF_8));
        // history tables hold the SHA-256 of the text without its byte order mark, as before
        assertThat(migration.checksum()).isEqualTo(HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(body)));
    }

    @Test
    void nulBytesAreRefused() throws IOException {
        write("001_a.sql", "SELECT 1;\n");
        write("002_b.sql", "SELECT 1;\nSELECT '\0';\n");
        assertThatThrownBy(() -> MigrationChain.at(dir.toString())).isInstanceOf(MigrationException.class)
                .hasMessage(invalid("numbered files") + dir.resolve("002_b.sql") + ":2:9 holds a NUL byte (byte"
                        + " offset 18), so it is not a text script: it is a binary file, or text saved as UTF-16 or"
                        + " UTF-32. PostgreSQL cannot take NUL bytes in SQL; save the script as UTF-8 text without"
                        + " them.");
    }

    @Test
    void anUnterminatedConstructIsRefusedWhenTheChainIsRead() throws IOException {
        write("001_a.sql", "CREATE TABLE a (id int);\n");
        write("002_b.sql", "CREATE TABLE b (id int);\n/* index later\nCREATE INDEX b_id ON b (id);\n");
        write("003_c.sql", "INSERT INTO a VALUES (1);\nSELECT 'it''s;\n");
        assertThatThrownBy(() -> MigrationChain.at(dir.toString())).isInstanceOf(MigrationException.class)
                .hasMessage(invalid("numbered files") + dir.resolve("002_b.sql") + ":2:1 unterminated /* comment:"
                        + " the comment that starts here is never closed, so it runs to the end of the script (line 3)"
                        + " and nothing after it would run. Close it with */.\n"
                        + "      2 | /* index later\n"
                        + "        | ^\n"
                        + "  - " + dir.resolve("003_c.sql") + ":2:8 unterminated quoted string: the ' that starts"
                        + " here is never closed, so the string runs to the end of the script (line 2) and nothing"
                        + " after it would run. End it with ' (a quote inside a string is written '').\n"
                        + "      2 | SELECT 'it''s;\n"
                        + "        |        ^");
    }

    @Test
    void anUnterminatedConstructInADbmateSectionNamesTheFilesLine() throws IOException {
        write("20240101000000_a.sql", "-- migrate:up\nCREATE TABLE t (id int);\nCOMMENT ON TABLE t IS $$ours;\n"
                + "-- migrate:down\nDROP TABLE t;\n");
        assertThatThrownBy(() -> MigrationChain.at(dir.toString())).isInstanceOf(MigrationException.class)
                .hasMessage(invalid("dbmate") + dir.resolve("20240101000000_a.sql") + ":3:23 unterminated"
                        + " dollar-quoted string: the $$ that starts here is never closed by another $$, so the string"
                        + " runs to the end of the script (line 3) and nothing after it would run. Add the closing $$"
                        + " (the tags must match exactly, case included).\n"
                        + "      3 | COMMENT ON TABLE t IS $$ours;\n"
                        + "        |                       ^");
    }

    @Test
    void anUnterminatedMasterSchemaIsRefused() throws IOException {
        Path schema = write("schema.sql", "CREATE TABLE \"t (id int);\n");
        assertThatThrownBy(() -> MigrationChain.at(schema.toString())).isInstanceOf(MigrationException.class)
                .hasMessage(schema + ":1:14 unterminated quoted identifier: the \" that starts here is never closed,"
                        + " so the name runs to the end of the script (line 1) and nothing after it would run. End it"
                        + " with \" (a quote inside a name is written \"\").\n"
                        + "  1 | CREATE TABLE \"t (id int);\n"
                        + "    |              ^");
    }

    /** A chain built in code is not read from files: the migrator refuses the migration before its first statement. */
    @Test
    void theMigratorRefusesAnUnterminatedMigrationBeforeItsFirstStatement() throws SQLException {
        MigrationChain chain = MigrationChain.of("in code", List.of(
                Migration.of(MigrationVersion.parse("1"), "a", SqlScript.of("1.sql", "CREATE TABLE hostile_a ();"),
                        null),
                Migration.of(MigrationVersion.parse("2"), "b", SqlScript.of("2.sql",
                        "CREATE TABLE hostile_b ();\nCREATE TABLE hostile_c () /* open\n"), null)), List.of());
        PostgresServer server = TestServers.embedded();
        Database db = server.createDatabase();
        try {
            Migrator migrator = Migrator.of(chain, db);
            assertThatThrownBy(migrator::migrateToLatest).isInstanceOf(MigrationException.class).hasMessageContaining(
                    "2.sql:2:27 unterminated /* comment: the comment that starts here is never closed");
            assertThat(migrator.currentVersion()).hasToString("1");
            try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(
                    "SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class WHERE relname LIKE 'hostile_%'")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("hostile_a");
            }
        } finally {
            server.drop(db);
        }
    }

    @Test
    void specialFilesNamedLikeMigrationsAreErrorsNotSkipped() throws Exception {
        write("001_a.sql", "SELECT 1;\n");
        HostileFiles.link(dir.resolve("002_b.sql"), dir.resolve("moved/002_b.sql"));
        HostileFiles.fifo(dir.resolve("003_c.sql"));
        HostileFiles.link(dir.resolve("004_d.sql"), Path.of("/dev/zero"));
        Files.createDirectories(dir.resolve("005_e.sql"));
        write("006_f.sql", "SELECT 6;\n");
        assertThatThrownBy(() -> MigrationChain.at(dir.toString())).isInstanceOf(MigrationException.class)
                .hasMessage(invalid("numbered files")
                        + dir.resolve("002_b.sql") + ": is a symbolic link to " + dir.resolve("moved/002_b.sql")
                        + ", which does not exist. Point the link at an existing script file, or replace it with the"
                        + " file itself.\n"
                        + "  - " + dir.resolve("003_c.sql") + ": is a named pipe (FIFO), not a regular file."
                        + REGULAR_ONLY + "\n"
                        + "  - " + dir.resolve("004_d.sql") + ": is a symbolic link to /dev/zero, which is a"
                        + " character device, not a regular file." + REGULAR_ONLY + "\n"
                        + "  - " + dir.resolve("005_e.sql") + ": is a folder, but its name makes it look like a"
                        + " migration script. Rename it, or move it out of the migrations folder.");
    }

    @Test
    void aRegularFileThatCannotBeRead() throws IOException {
        write("001_a.sql", "SELECT 1;\n");
        HostileFiles.link(dir.resolve("002_b.sql"), HostileFiles.unreadableRegularFile());
        assertThatThrownBy(() -> MigrationChain.at(dir.toString())).isInstanceOf(MigrationException.class)
                .hasMessage(invalid("numbered files") + dir.resolve("002_b.sql") + ": cannot be read: Input/output"
                        + " error. Check that the file is intact and readable (for example with cat), then try again.");
    }

    @Test
    void specialFilesInMetadataAndPlans() throws Exception {
        write("001_a/up.sql", "SELECT 1;\n");
        HostileFiles.fifo(dir.resolve("001_a/metadata.toml"));
        assertThatThrownBy(() -> MigrationChain.at(dir.toString())).isInstanceOf(MigrationException.class)
                .hasMessage(invalid("folder per migration") + dir.resolve("001_a/metadata.toml")
                        + ": is a named pipe (FIFO), not a regular file." + REGULAR_ONLY);
    }

    @Test
    void aFolderThatCannotBeListed() throws IOException {
        Path unlistable = HostileFiles.unlistableFolder(dir.resolve("scratch"));
        String user = System.getProperty("user.name");
        assertThatThrownBy(() -> MigrationChain.at(unlistable.toString())).isInstanceOf(MigrationException.class)
                .hasMessage("Cannot list the migrations folder '" + unlistable + "': permission denied for user "
                        + user + ". Give that user read and execute permission on it (chmod a+rx), or run as a user"
                        + " who has it.");

        Path chain = dir.resolve("chain");
        write("chain/V1__a.sql", "SELECT 1;\n");
        HostileFiles.link(chain.resolve("more"), unlistable);
        assertThatThrownBy(() -> MigrationChain.at(chain.toString())).isInstanceOf(MigrationException.class)
                .hasMessage("The migration chain at '" + chain + "' (Flyway layout) is invalid:\n  - "
                        + chain.resolve("more") + ": cannot list this folder: permission denied for user " + user
                        + "; migrations in it would be left out. Give that user read and execute permission on it"
                        + " (chmod a+rx), or move it out of the migrations folder.");

        // when nothing else is there, the layout cannot be told, and the message says why the folder looks empty
        Path only = dir.resolve("only");
        HostileFiles.link(only.resolve("more"), unlistable);
        assertThatThrownBy(() -> MigrationChain.at(only.toString())).isInstanceOf(MigrationException.class)
                .hasMessage("No migrations found at '" + only + "': the folder is empty\n"
                        + "Parts of the folder could not be read:\n  - "
                        + only.resolve("more") + ": cannot list this folder: permission denied for user " + user
                        + "; migrations in it would be left out. Give that user read and execute permission on it"
                        + " (chmod a+rx), or move it out of the migrations folder.");
    }

    @Test
    void linkedFoldersAreFollowedAndLoopsReported() throws IOException {
        write("shared/V2__b.sql", "SELECT 2;\n");
        Path chain = dir.resolve("chain");
        write("chain/V1__a.sql", "SELECT 1;\n");
        HostileFiles.link(chain.resolve("shared"), dir.resolve("shared"));
        assertThat(MigrationChain.at(chain.toString()).migrations()).extracting(m -> m.up().name())
                .containsExactly(chain + "/V1__a.sql", chain + "/shared/V2__b.sql");
        Path linkedRoot = HostileFiles.link(dir.resolve("linked"), chain);
        assertThat(MigrationChain.at(linkedRoot.toString()).migrations()).hasSize(2);

        HostileFiles.link(chain.resolve("again"), chain);
        assertThatThrownBy(() -> MigrationChain.at(chain.toString())).isInstanceOf(MigrationException.class)
                .hasMessage("The migration chain at '" + chain + "' (Flyway layout) is invalid:\n  - "
                        + chain.resolve("again") + ": is a symbolic link to a folder that contains it (a loop), so its"
                        + " migrations would be read again and again. Remove the link.");
    }

    @Test
    void locationsThatAreNeitherFolderNorFile() throws Exception {
        assertThatThrownBy(() -> MigrationChain.at("/dev/zero")).isInstanceOf(MigrationException.class)
                .hasMessage("'/dev/zero' is a character device, neither a folder of migrations nor a regular file."
                        + " Pass the folder that holds the migrations, or one file.");
        Path fifo = HostileFiles.fifo(dir.resolve("pipe"));
        assertThatThrownBy(() -> MigrationChain.at(fifo.toString())).isInstanceOf(MigrationException.class)
                .hasMessage("'" + fifo + "' is a named pipe (FIFO), neither a folder of migrations nor a regular"
                        + " file. Pass the folder that holds the migrations, or one file.");
        Path dangling = HostileFiles.link(dir.resolve("migrations"), dir.resolve("gone"));
        assertThatThrownBy(() -> MigrationChain.at(dangling.toString())).isInstanceOf(MigrationException.class)
                .hasMessage("'" + dangling + "' is a symbolic link to " + dir.resolve("gone") + ", which does not"
                        + " exist. Point the link at the migrations folder, or pass the folder itself.");
    }
}

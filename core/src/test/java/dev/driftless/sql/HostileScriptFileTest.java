package dev.driftless.sql;

import dev.driftless.testing.HostileFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Files that are no UTF-8 text scripts, or no regular files at all, given as a script or included by one: each is a
 * clear error naming the file (and the include chain) before anything runs, and nothing is ever read endlessly or
 * waited on.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HostileScriptFileTest {

    private static final String REGULAR_ONLY = " Driftless reads scripts only from regular files, so that reading can"
            + " neither block nor run on endlessly; use a regular file holding the script instead.";

    @TempDir
    Path dir;

    private static ScriptException readError(Path file) {
        ScriptException e = catchThrowableOfType(ScriptException.class, () -> SqlScript.of(file));
        assertThat(e).as("reading %s should fail", file).isNotNull();
        assertThat(e.outcome()).isEmpty();
        return e;
    }

    @Test
    void aMissingFileSaysWhereItLooked() {
        Path missing = dir.resolve("nope.sql");
        assertThat(readError(missing)).hasMessage(missing + ": no such file (absolute path " + missing + ")."
                + " Check the path: a relative path is resolved against the working directory "
                + Path.of("").toAbsolutePath() + ".");
    }

    @Test
    void aDanglingSymbolicLink() throws IOException {
        Path link = HostileFiles.link(dir.resolve("schema.sql"), dir.resolve("moved/schema.sql"));
        assertThat(readError(link)).hasMessage(link + ": is a symbolic link to " + dir.resolve("moved/schema.sql")
                + ", which does not exist. Point the link at an existing script file, or replace it with the file itself.");
    }

    @Test
    void aLoopOfSymbolicLinks() throws IOException {
        Path a = dir.resolve("a.sql");
        HostileFiles.link(a, dir.resolve("b.sql"));
        HostileFiles.link(dir.resolve("b.sql"), a);
        assertThat(readError(a)).hasMessage(a + ": is a symbolic link that never reaches a file (the links form a"
                + " loop). Point the link at an existing script file, or replace it with the file itself.");
    }

    @Test
    void aFolder() {
        assertThat(readError(dir)).hasMessage(dir + ": is a folder, not a script file. Use the path of the .sql"
                + " file itself (a folder of migrations is read with MigrationChain.at).");
    }

    @Test
    void aNamedPipeIsNeverOpened() throws Exception {
        Path fifo = HostileFiles.fifo(dir.resolve("schema.sql"));
        assertThat(readError(fifo)).hasMessage(fifo + ": is a named pipe (FIFO), not a regular file." + REGULAR_ONLY);
        assertThatThrownBy(() -> SqlScript.at(fifo.toString())).hasMessage(fifo + ": is a named pipe (FIFO), not a"
                + " regular file." + REGULAR_ONLY);
    }

    @Test
    void devZeroIsACharacterDeviceAndNeverRead() throws IOException {
        assertThatThrownBy(() -> SqlScript.at("/dev/zero")).isInstanceOf(ScriptException.class)
                .hasMessage("/dev/zero: is a character device, not a regular file." + REGULAR_ONLY);
        Path link = HostileFiles.link(dir.resolve("zero.sql"), Path.of("/dev/zero"));
        assertThat(readError(link)).hasMessage(link + ": is a symbolic link to /dev/zero, which is a character"
                + " device, not a regular file." + REGULAR_ONLY);
    }

    @Test
    void aFileThatCannotBeRead() throws IOException {
        Path link = HostileFiles.link(dir.resolve("mem.sql"), HostileFiles.unreadableRegularFile());
        assertThat(readError(link)).hasMessage(link + ": cannot be read: Input/output error. Check that the file is"
                + " intact and readable (for example with cat), then try again.");
    }

    @Test
    void invalidUtf8NamesLineColumnByteOffsetAndTheBytes() throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1.sql"), "SELECT 1;\nSELECT 'café';\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        ScriptException e = readError(latin1);
        assertThat(e).hasMessage(latin1 + ":2:12 is not valid UTF-8: the byte 0xE9 at byte offset 21 does not form"
                + " a UTF-8 character. Driftless reads every text file as UTF-8 and never substitutes characters. Save"
                + " the file as UTF-8 (iconv -f LATIN1 -t UTF-8 converts a Latin-1 file); pg_dump writes UTF-8 when"
                + " the database encoding is UTF8.");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(12);

        // an encoded surrogate (CESU-8), an overlong form and a sequence cut short by the end of the file
        Path cesu = Files.write(dir.resolve("cesu.sql"), bytes("SELECT '", 0xED, 0xA0, 0x80, "';"));
        assertThat(readError(cesu)).hasMessageStartingWith(cesu + ":1:9 is not valid UTF-8: the bytes 0xED 0xA0 0x80"
                + " at byte offset 8 do not form a UTF-8 character.");
        Path overlong = Files.write(dir.resolve("overlong.sql"), bytes("SELECT '", 0xC0, 0xAF, "';"));
        assertThat(readError(overlong)).hasMessageStartingWith(overlong + ":1:9 is not valid UTF-8: the byte 0xC0 at"
                + " byte offset 8 does not form a UTF-8 character.");
        Path cut = Files.write(dir.resolve("cut.sql"), bytes("SELECT 'x", 0xE2, 0x82));
        assertThat(readError(cut)).hasMessageStartingWith(cut + ":1:10 is not valid UTF-8: the bytes 0xE2 0x82 at"
                + " byte offset 9 do not form a UTF-8 character.");
    }

    @Test
    void aByteOrderMarkIsAccepted() throws IOException {
        Path bom = Files.write(dir.resolve("bom.sql"), bytes("", 0xEF, 0xBB, 0xBF, "SELECT 'é';"));
        assertThat(SqlScript.of(bom).content()).isEqualTo("SELECT 'é';");
    }

    @Test
    void nulBytesAreRefusedWithTheirPosition() throws IOException {
        Path binary = Files.write(dir.resolve("binary.sql"), bytes("SELECT 1;\nSELECT 'é", 0x00, "';"));
        ScriptException e = readError(binary);
        assertThat(e).hasMessage(binary + ":2:10 holds a NUL byte (byte offset 20), so it is not a text script: it"
                + " is a binary file, or text saved as UTF-16 or UTF-32. PostgreSQL cannot take NUL bytes in SQL;"
                + " save the script as UTF-8 text without them.");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(10);
        // UTF-16 without a byte order mark: a NUL after every ASCII character
        Path utf16 = Files.write(dir.resolve("utf16.sql"), "SELECT 1;".getBytes(StandardCharsets.UTF_16LE));
        assertThat(readError(utf16)).hasMessageStartingWith(utf16 + ":1:2 holds a NUL byte (byte offset 1),");
        // in-memory scripts are checked the same way
        assertThatThrownBy(() -> SqlScript.of("mem.sql", "SELECT 1;\nSELECT '\0';", 5))
                .isInstanceOf(ScriptException.class)
                .hasMessageStartingWith("mem.sql:6:9 holds a NUL byte (byte offset 18), so it is not a text script");
    }

    @Test
    void problemsOfIncludedFilesShowTheIncludeChain() throws Exception {
        Files.writeString(dir.resolve("main.sql"), "SELECT 1;\n\\ir middle.sql\n");
        Files.writeString(dir.resolve("middle.sql"), "\n\n\\ir inner.sql\n");
        Path main = dir.resolve("main.sql");
        Path inner = dir.resolve("inner.sql");
        String chain = "\n(included from " + dir.resolve("middle.sql") + ":3, included from " + main + ":2)";

        Files.write(inner, "SELECT 'café';".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> SqlScript.of(main).parse()).isInstanceOf(ScriptException.class).hasMessage(
                inner + ":1:12 is not valid UTF-8: the byte 0xE9 at byte offset 11 does not form a UTF-8 character."
                        + " Driftless reads every text file as UTF-8 and never substitutes characters. Save the file as"
                        + " UTF-8 (iconv -f LATIN1 -t UTF-8 converts a Latin-1 file); pg_dump writes UTF-8 when the"
                        + " database encoding is UTF8." + chain);

        Files.write(inner, bytes("SELECT ", 0x00, ";"));
        assertThatThrownBy(() -> SqlScript.of(main).parse()).hasMessageStartingWith(
                inner + ":1:8 holds a NUL byte (byte offset 7), so it is not a text script").hasMessageEndingWith(chain);

        Files.delete(inner);
        HostileFiles.fifo(inner);
        assertThatThrownBy(() -> SqlScript.of(main).parse())
                .hasMessage(inner + ": is a named pipe (FIFO), not a regular file." + REGULAR_ONLY + chain);

        Files.delete(inner);
        HostileFiles.link(inner, dir.resolve("gone.sql"));
        assertThatThrownBy(() -> SqlScript.of(main).parse()).hasMessage(inner + ": is a symbolic link to "
                + dir.resolve("gone.sql") + ", which does not exist. Point the link at an existing script file, or"
                + " replace it with the file itself." + chain);

        Files.delete(inner);
        Files.createDirectory(inner);
        assertThatThrownBy(() -> SqlScript.of(main).parse()).hasMessage(inner + ": is a folder, not a script file."
                + " Use the path of the .sql file itself (a folder of migrations is read with MigrationChain.at)."
                + chain);

        Files.delete(inner);
        HostileFiles.link(inner, Path.of("/dev/zero"));
        assertThatThrownBy(() -> SqlScript.of(main).parse()).hasMessage(inner + ": is a symbolic link to /dev/zero,"
                + " which is a character device, not a regular file." + REGULAR_ONLY + chain);

        Files.delete(inner);
        Path middle = dir.resolve("middle.sql");
        assertThatThrownBy(() -> SqlScript.of(main).parse()).hasMessage(middle + ":3:1 \\ir inner.sql: no such file."
                + " Looked at: " + inner + ".\n"
                + "  3 | \\ir inner.sql\n"
                + "    | ^\n"
                + "(included from " + main + ":2)");
    }

    private static byte[] bytes(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }
}

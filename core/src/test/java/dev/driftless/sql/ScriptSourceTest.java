package dev.driftless.sql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading scripts: locations, names, checksums, encodings, and problems found before anything runs. */
class ScriptSourceTest {

    @TempDir
    Path dir;

    @Test
    void classPathAndFileLocations() throws IOException {
        SqlScript resource = SqlScript.at("classpath:dev/driftless/sql/includes/parts/child.sql");
        assertThat(resource.name()).isEqualTo("classpath:dev/driftless/sql/includes/parts/child.sql");
        assertThat(resource.content()).isEqualTo("-- child\nINSERT INTO inc_main VALUES (1);\n");
        assertThat(resource.transactionMode()).isEqualTo(TransactionMode.AUTO);

        Path file = Files.write(dir.resolve("bom.sql"), ("\uFEFFSELECT 1;").getBytes(StandardCharsets.UTF_8));
        SqlScript fromFile = SqlScript.at(file.toString());
        assertThat(fromFile.name()).isEqualTo(file.toString());
        assertThat(fromFile.content()).isEqualTo("SELECT 1;");
        assertThat(SqlScript.at("filesystem:" + file).name()).isEqualTo(file.toString());
        // the checksum covers the bytes as stored, byte order mark included
        assertThat(fromFile.checksum()).isEqualTo(sha256(Files.readAllBytes(file)));
        assertThat(SqlScript.of("x", "SELECT 1;").checksum())
                .isEqualTo(sha256("SELECT 1;".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(fromFile.checksum());
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void missingResourcesAndFilesSaySo() {
        assertThatThrownBy(() -> SqlScript.at("classpath:db/nope.sql")).isInstanceOf(ScriptException.class)
                .hasMessage("No script found at 'classpath:db/nope.sql': nothing exists there. Searched:\n"
                        + "  classpath:db/nope.sql (class path)\n"
                        + "Check the spelling; a file path is resolved against the working directory "
                        + Path.of("").toAbsolutePath() + ", a 'classpath:' location against the class path.");
        Path missing = dir.resolve("nope.sql");
        assertThatThrownBy(() -> SqlScript.of(missing)).isInstanceOf(ScriptException.class)
                .hasMessage(missing + ": no such file (absolute path " + missing + "). Check the path: a relative path"
                        + " is resolved against the working directory " + Path.of("").toAbsolutePath() + ".");
    }

    @Test
    void filesThatAreNotUtf8NameTheLine() throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1.sql"), "SELECT 1;\nSELECT 'café';\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> SqlScript.of(latin1)).isInstanceOf(ScriptException.class)
                .hasMessage(latin1 + ":2:12 is not valid UTF-8: the byte 0xE9 at byte offset 21 does not form a UTF-8"
                        + " character. Driftless reads every text file as UTF-8 and never substitutes characters. Save"
                        + " the file as UTF-8 (iconv -f LATIN1 -t UTF-8 converts a Latin-1 file); pg_dump writes UTF-8"
                        + " when the database encoding is UTF8.")
                .satisfies(e -> assertThat(((ScriptException) e).line()).isEqualTo(2));
    }

    @Test
    void textAfterCopyFromStdinOnItsLine() {
        assertThatThrownBy(() -> SqlScript.of("c.sql", "COPY t FROM stdin; 1\t2\n\\.\n").parse())
                .hasMessage("c.sql:1:19 text after COPY ... FROM STDIN; on the same line: '1\t2'. The data of a COPY"
                        + " starts on the next line; move this text to its own line after the \\.\n"
                        + "  1 | COPY t FROM stdin; 1\t2\n"
                        + "    |                   ^");
    }

    @Test
    void sectionsMustStartOnALine() {
        assertThatThrownBy(() -> SqlScript.of("x.sql", "SELECT 1;", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("firstLine must be at least 1, was 0");
    }
}

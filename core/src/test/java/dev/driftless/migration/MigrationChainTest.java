package dev.driftless.migration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationChainTest {

    @TempDir
    Path dir;

    private void write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void layoutFlagsMakeMigrationsNonTransactional() {
        assertThat(MigrationChain.at("classpath:migrations/numbered").migrations())
                .extracting(Migration::isTransactional).containsExactly(true, true, false, true);
        assertThat(MigrationChain.at("classpath:migrations/diesel").migrations())
                .extracting(Migration::isTransactional).containsExactly(true, true, true, false);
        assertThat(MigrationChain.at("classpath:migrations/dbmate").migrations())
                .extracting(Migration::isTransactional).containsExactly(true, true, false);
        assertThat(MigrationChain.at("classpath:migrations/flyway").migrations())
                .extracting(Migration::isTransactional).containsExactly(true, true, true, true, false);
    }

    @Test
    void sourcegraphMetadataCreateIndexConcurrentlyIsNonTransactional() throws IOException {
        write("1528395600_init/up.sql", "CREATE TABLE t (id int);\n");
        write("1528395600_init/down.sql", "DROP TABLE t;\n");
        write("1528395600_init/metadata.yaml", "name: init\nparents: []\n");
        write("1528395700_idx/up.sql", "CREATE INDEX CONCURRENTLY t_idx ON t (id);\n");
        write("1528395700_idx/down.sql", "DROP INDEX t_idx;\n");
        write("1528395700_idx/metadata.yaml", "name: idx\nparents: [1528395600]\ncreateIndexConcurrently: true\n");
        MigrationChain chain = MigrationChain.at(dir.toString());
        assertThat(chain.layout()).contains(Layout.FOLDER_PER_MIGRATION);
        assertThat(chain.migrations()).extracting(Migration::isTransactional).containsExactly(true, false);
        assertThat(chain.migrations().get(1).up().name()).isEqualTo(dir + "/1528395700_idx/up.sql");
    }

    @Test
    void straySqlFreeFilesAreWarnings() throws IOException {
        write("001_init.sql", "CREATE TABLE t (id int);\n");
        write("data.csv", "id\n1\n");
        write("README.md", "# our migrations\n");
        MigrationChain chain = MigrationChain.at(dir.toString());
        assertThat(chain.warnings()).containsExactly(dir + "/data.csv is not a migration of the numbered files layout"
                + " and is ignored");
    }

    @Test
    void dbmateFileWithoutUpSection() throws IOException {
        write("20240101000000_a.sql", "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 2;\n");
        write("20240102000000_b.sql", "SELECT 1;\n-- migrate:down\nSELECT 2;\n");
        write("20240103000000_c.sql", "-- migrate:up\nSELECT 1;\n-- migrate:up\nSELECT 2;\n");
        assertThatThrownBy(() -> MigrationChain.at(dir.toString()))
                .isInstanceOf(MigrationException.class)
                .hasMessage("The migration chain at '" + dir + "' (dbmate layout) is invalid:\n"
                        + "  - " + dir + "/20240102000000_b.sql has no '-- migrate:up' line; dbmate files hold the up"
                        + " script after '-- migrate:up' and the down script after '-- migrate:down'\n"
                        + "  - " + dir + "/20240103000000_c.sql:3 has a second '-- migrate:up' line (the first is on"
                        + " line 1); keep one");
    }

    @Test
    void sqitchPlanNamingAMissingScript() throws IOException {
        write("sqitch.plan", "%project=x\n\nfirst 2024-01-01T00:00:00Z A <a@b> # one\n"
                + "second 2024-01-01T00:00:00Z A <a@b> # two\n"
                + "first [first@v1] 2024-01-02T00:00:00Z A <a@b> # reworked without a tag\n");
        write("deploy/first.sql", "SELECT 1;\n");
        write("deploy/unplanned.sql", "SELECT 1;\n");
        assertThatThrownBy(() -> MigrationChain.at(dir.toString()))
                .isInstanceOf(MigrationException.class)
                .hasMessage("The migration chain at '" + dir + "' (sqitch layout) is invalid:\n"
                        + "  - " + dir + "/sqitch.plan:3 change 'first' is reworked later in the plan but no tag"
                        + " follows it; sqitch needs a tag between a change and its rework\n"
                        + "  - " + dir + "/sqitch.plan:4 names change 'second' but deploy/second.sql does not exist at "
                        + dir);
    }

    @Test
    void explicitLayoutOverridesDetection() throws IOException {
        write("001_init.sql", "-- migrate:up\nCREATE TABLE t (id int);\n");
        assertThat(MigrationChain.at(dir.toString()).layout()).contains(Layout.DBMATE);
        MigrationChain numbered = MigrationChain.at(dir.toString(), Layout.NUMBERED);
        assertThat(numbered.layout()).contains(Layout.NUMBERED);
        assertThat(numbered.migrations().get(0).up().content()).startsWith("-- migrate:up");
        assertThatThrownBy(() -> MigrationChain.at(dir.toString(), Layout.MASTER_SCHEMA))
                .isInstanceOf(MigrationException.class)
                .hasMessage("'" + dir + "' is a folder, but the master schema layout needs one file; pass the schema"
                        + " file's path");
    }

    @Test
    void readsMigrationsFromAJarOnTheClassPath() throws IOException {
        Path jar = dir.resolve("migrations.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String folder : new String[] {"db/", "db/migrations/", "db/other/"}) {
                out.putNextEntry(new JarEntry(folder));
                out.closeEntry();
            }
            put(out, "db/migrations/V1__init.sql", "CREATE TABLE t (id int);\n");
            put(out, "db/migrations/V2__more.sql", "CREATE TABLE u (id int);\n");
            put(out, "db/migrations/U2__more.sql", "DROP TABLE u;\n");
            put(out, "db/other/V9__not_mine.sql", "SELECT 1;\n");
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Thread.currentThread().setContextClassLoader(loader);
            MigrationChain chain = MigrationChain.at("classpath:db/migrations");
            assertThat(chain.layout()).contains(Layout.FLYWAY);
            assertThat(chain.migrations()).extracting(m -> m.up().name())
                    .containsExactly("classpath:db/migrations/V1__init.sql", "classpath:db/migrations/V2__more.sql");
            assertThat(chain.migrations().get(1).down()).map(s -> s.content()).contains("DROP TABLE u;\n");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static void put(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        OutputStream stream = out;
        stream.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    @Test
    void masterSchemaChainUsesTheFileNameAsDescription() {
        MigrationChain chain = MigrationChain.at("classpath:migrations/master/schema.sql");
        assertThat(chain.toString()).isEqualTo("MigrationChain[classpath:migrations/master/schema.sql, master schema,"
                + " 1 migrations, latest 1]");
        assertThat(chain.migrations().get(0).toString())
                .isEqualTo("1 schema (classpath:migrations/master/schema.sql)");
        assertThat(chain.migration("1")).isPresent();
        assertThat(chain.migration("2")).isEmpty();
    }
}

package dev.driftless.migration;

import dev.driftless.check.ChainChecks;
import dev.driftless.check.CheckResult;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.testing.LayoutFolder;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.driftless.testing.LayoutFolder.indexes;
import static dev.driftless.testing.LayoutFolder.tables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One test per rule per layout: each layout is read and run as its own tool does, on folders shaped like the tool's
 * own examples. Each test cites the tool's source or documentation it follows (docs/migrations.md has the same rules
 * as one table per layout).
 */
class LayoutConformanceTest {

    private static final String HISTORY = "\"public\".\"driftless_schema_history\"";

    private final PostgresServer server = TestServers.embedded();
    private Database db;
    @TempDir
    Path dir;
    private LayoutFolder folder;

    @BeforeEach
    void setUp() {
        db = server.createDatabase();
        folder = new LayoutFolder(dir);
    }

    @AfterEach
    void dropDatabase() {
        server.drop(db);
    }

    private String invalid(String layout, String... problems) {
        return "The migration chain at '" + dir + "' (" + layout + " layout) is invalid:\n  - "
                + String.join("\n  - ", problems);
    }

    /** diesel_migrations 2.x: file_based_migrations.rs, migrations_internals/src/lib.rs, migration_harness.rs. */
    @Nested
    class Diesel {

        /** {@code FileBasedMigrations::from_path}: every folder must be a valid migration directory (with up.sql). */
        @Test
        void discoveryEveryFolderIsAMigrationAndOneWithoutUpSqlIsRefused() {
            folder.file("2019-01-01-000000_create_users/up.sql", "CREATE TABLE users (id int);\n")
                    .file("2019-01-01-000000_create_users/down.sql", "DROP TABLE users;\n")
                    .file("fixtures/users.csv", "id\n1\n")
                    .file(".cache/2019-01-02-000000_x/up.sql", "SELECT 1;\n");
            assertThatThrownBy(folder::chain).isInstanceOf(MigrationException.class).hasMessage(invalid(
                    "folder per migration", dir + "/fixtures is a folder without up.sql; diesel takes every folder"
                            + " there for a migration and refuses one without up.sql: add up.sql, or move the folder"
                            + " out of the migrations folder"));
        }

        /** {@code migrations_directories} skips files and names starting with a dot; only up/down/metadata are read. */
        @Test
        void ignoreFilesBesideTheFoldersAreWarnings() {
            folder.file("2019-01-01-000000_create_users/up.sql", "CREATE TABLE users (id int);\n")
                    .file("2019-01-01-000000_create_users/down.sql", "DROP TABLE users;\n")
                    .file("2019-01-01-000000_create_users/seed.sql", "INSERT INTO users VALUES (1);\n")
                    .file("helper.sql", "SELECT 1;\n")
                    .file(".hidden/up.sql", "SELECT 1;\n")
                    .file("diesel.toml", "[print_schema]\n");
            MigrationChain chain = folder.chain();
            String rule = "diesel reads only up.sql, down.sql and metadata.toml in each migration folder";
            assertThat(chain.warnings()).containsExactlyInAnyOrder(
                    dir + "/2019-01-01-000000_create_users/seed.sql is ignored: " + rule,
                    dir + "/helper.sql is ignored: " + rule);
            assertThat(chain.ignored()).containsExactlyInAnyOrder(
                    dir + "/.hidden/up.sql (diesel skips names starting with a dot)",
                    dir + "/2019-01-01-000000_create_users/seed.sql (" + rule + ")",
                    dir + "/helper.sql (" + rule + ")",
                    dir + "/diesel.toml (" + rule + ")");
            assertThat(chain.migrations()).hasSize(1);
        }

        /** {@code version_from_string} drops dashes; {@code pending_migrations} sorts by the version string. */
        @Test
        void orderVersionsAsStringsSoASuffixedTimestampComesFirst() {
            folder.file("00000000000000_diesel_initial_setup/up.sql", "CREATE FUNCTION diesel_noop() RETURNS void"
                            + " LANGUAGE sql AS $$ SELECT $$;\n")
                    .file("00000000000000_diesel_initial_setup/down.sql", "DROP FUNCTION diesel_noop();\n")
                    .file("2026-01-20-162913_add_email/up.sql", "ALTER TABLE users ADD COLUMN email text;\n")
                    .file("2026-01-20-162913_add_email/down.sql", "ALTER TABLE users DROP COLUMN email;\n")
                    .file("2025-11-19-091444-0000_create_users/up.sql", "CREATE TABLE users (id int);\n")
                    .file("2025-11-19-091444-0000_create_users/down.sql", "DROP TABLE users;\n");
            MigrationChain chain = folder.chain();
            assertThat(chain.migrations()).extracting(m -> m.version().toString())
                    .containsExactly("00000000000000", "2025-11-19-091444-0000", "2026-01-20-162913");
            Migrator migrator = Migrator.of(chain, db);
            assertThat(migrator.migrateToLatest().toString()).isEqualTo("2026-01-20-162913");
            assertThat(tables(db)).isEqualTo("users(id, email)");
            assertThat(migrator.migrateTo("2025-11-19-091444-0000").toString()).isEqualTo("2025-11-19-091444-0000");
            assertThat(tables(db)).isEqualTo("users(id)");
            migrator.migrateTo(MigrationVersion.EMPTY);
            assertThat(tables(db)).isEmpty();
        }

        /** {@code revert_migration} wraps down.sql in a transaction unless metadata.toml says otherwise. */
        @Test
        void transactionsADownScriptWithCreateIndexConcurrentlyFailsAsDieselFails() {
            folder.file("2019-01-01-000000_create_users/up.sql", "CREATE TABLE users (id int);\n"
                            + "CREATE INDEX users_id_idx ON users (id);\n")
                    .file("2019-01-01-000000_create_users/down.sql", "DROP TABLE users;\n")
                    .file("2019-01-02-000000_drop_index/up.sql", "DROP INDEX users_id_idx;\n")
                    .file("2019-01-02-000000_drop_index/down.sql", "CREATE INDEX CONCURRENTLY users_id_idx ON users"
                            + " (id);\n");
            Migrator migrator = Migrator.of(folder.chain(), db);
            migrator.migrateToLatest();
            assertThatThrownBy(() -> migrator.migrateTo("2019-01-01-000000"))
                    .isInstanceOf(MigrationException.class)
                    .hasMessage("The down script " + dir + "/2019-01-02-000000_drop_index/down.sql of migration"
                            + " 2019-01-02-000000 drop index failed and was rolled back; database " + db.name()
                            + " stays at version 2019-01-02-000000. It ran in a transaction: diesel runs each"
                            + " migration, up and down, in a transaction unless its metadata.toml sets"
                            + " run_in_transaction = false.\n"
                            + dir + "/2019-01-02-000000_drop_index/down.sql:1:1 [25001] CREATE INDEX CONCURRENTLY"
                            + " cannot run inside a transaction block\n"
                            + "  1 | CREATE INDEX CONCURRENTLY users_id_idx ON users (id);");
            assertThat(migrator.currentVersion().toString()).isEqualTo("2019-01-02-000000");
        }

        /** {@code TomlMetadata}: {@code #[serde(default)] run_in_transaction: bool} is false when the key is absent. */
        @Test
        void transactionsAMetadataTomlWithoutTheKeyRunsOutsideATransaction() {
            folder.file("2019-01-01-000000_create_users/up.sql", "CREATE TABLE users (id int);\n")
                    .file("2019-01-02-000000_index/up.sql", "CREATE INDEX CONCURRENTLY users_id_idx ON users (id);\n")
                    .file("2019-01-02-000000_index/metadata.toml", "# run outside a transaction\n")
                    .file("2019-01-03-000000_more/up.sql", "CREATE TABLE more (id int);\n")
                    .file("2019-01-03-000000_more/metadata.toml", "run_in_transaction = true\n");
            MigrationChain chain = folder.chain();
            assertThat(chain.migrations()).extracting(m -> m.up().parse().noTransactionReason().orElse("in one"))
                    .containsExactly("in one", "its metadata.toml does not set run_in_transaction, which diesel then"
                            + " reads as false", "in one");
            Migrator.of(chain, db).migrateToLatest();
            assertThat(indexes(db)).isEqualTo("users_id_idx");
        }

        /** {@code run_sql_from_file}: an empty migration is {@code RunMigrationsError::EmptyMigration}. */
        @Test
        void discoveryAnEmptyUpSqlIsRefused() {
            folder.file("2019-01-01-000000_nothing/up.sql", "");
            assertThatThrownBy(folder::chain).hasMessage(invalid("folder per migration",
                    dir + "/2019-01-01-000000_nothing/up.sql is empty; diesel refuses to run an empty migration: write"
                            + " its SQL, or delete the folder"));
        }
    }

    /** sourcegraph: internal/database/migration/definition/read.go, internal/database/migration/runner/run.go. */
    @Nested
    class Sourcegraph {

        private LayoutFolder migration(String id, String parents, String up, String down) {
            return folder.file(id + "/up.sql", up).file(id + "/down.sql", down)
                    .file(id + "/metadata.yaml", "name: m" + id + "\nparents: [" + parents + "]\n");
        }

        /** {@code findDefinitionOrder}: depth-first from the root, children by descending version, reversed. */
        @Test
        void orderFollowsTheParentsGraphNotTheNumbers() {
            migration("1000", "", "CREATE TABLE a (id int);\n", "DROP TABLE a;\n");
            migration("1001", "1002", "ALTER TABLE b ADD COLUMN name text;\n", "ALTER TABLE b DROP COLUMN name;\n");
            migration("1002", "1000", "CREATE TABLE b (id int);\n", "DROP TABLE b;\n");
            migration("1003", "1000", "CREATE TABLE c (id int);\n", "DROP TABLE c;\n");
            migration("1004", "1001, 1003", "CREATE TABLE d (id int);\n", "DROP TABLE d;\n");
            MigrationChain chain = folder.chain();
            assertThat(chain.migrations()).extracting(m -> m.version() + " " + m.description())
                    .containsExactly("1000 m1000", "1002 m1002", "1001 m1001", "1003 m1003", "1004 m1004");
            Migrator migrator = Migrator.of(chain, db);
            assertThat(migrator.migrateToLatest().toString()).isEqualTo("1004");
            assertThat(tables(db)).isEqualTo("a(id), b(id, name), c(id), d(id)");
            assertThat(migrator.migrateTo("1002").toString()).isEqualTo("1002");
            assertThat(tables(db)).isEqualTo("a(id), b(id)");
        }

        /** {@code reorderDefinitions}, {@code root}, {@code findDefinitionOrder}: the graph must have one root. */
        @Test
        void orderUnknownParentsSeveralRootsAndCyclesAreRefused() {
            migration("1000", "", "SELECT 1;\n", "SELECT 1;\n");
            migration("1001", "999", "SELECT 1;\n", "SELECT 1;\n");
            assertThatThrownBy(folder::chain).hasMessage(invalid("folder per migration", dir + "/1001/metadata.yaml"
                    + " names parent 999, which is no migration of " + dir + "; fix the parents: line"));
            migration("1001", "", "SELECT 1;\n", "SELECT 1;\n");
            assertThatThrownBy(folder::chain).hasMessage(invalid("folder per migration", "2 migrations of " + dir
                    + " have no parents (1000, 1001); sourcegraph needs exactly one root: give the others their"
                    + " parents in metadata.yaml"));
            migration("1001", "1000, 1002", "SELECT 1;\n", "SELECT 1;\n");
            migration("1002", "1001", "SELECT 1;\n", "SELECT 1;\n");
            assertThatThrownBy(folder::chain).hasMessage(invalid("folder per migration", "the parents: of " + dir
                    + " make a cycle: 1001 -> 1002 -> 1001; break one of its links"));
        }

        /** {@code readDefinition}: up.sql, down.sql and metadata.yaml are all opened, and must exist. */
        @Test
        void discoveryAMigrationFolderNeedsItsThreeFiles() {
            migration("1000", "", "SELECT 1;\n", "SELECT 1;\n");
            folder.file("1001/up.sql", "SELECT 1;\n");
            assertThatThrownBy(folder::chain).hasMessage(invalid("folder per migration", dir + "/1001 has no down.sql"
                    + " and no metadata.yaml; sourcegraph needs up.sql, down.sql and metadata.yaml in every migration"
                    + " folder"));
        }

        /** {@code readDefinitions} skips entries that are no version; stitch's ignoreMap lists squashed.sql. */
        @Test
        void ignoreEntriesThatAreNoVersionAndKeepSquashedSqlAsTheMasterSchema() {
            migration("1000", "", "CREATE TABLE a (id int);\n", "DROP TABLE a;\n");
            folder.file("squashed.sql", "CREATE TABLE a (id int);\n")
                    .file("README.md", "# frontend\n")
                    .file("BUILD.bazel", "go_library()\n")
                    .file("1000/notes.sql", "-- scratch\n");
            MigrationChain chain = folder.chain();
            assertThat(chain.masterSchema()).map(s -> s.name()).contains(dir + "/squashed.sql");
            String rule = "sourcegraph reads only up.sql, down.sql and metadata.yaml in each migration folder";
            assertThat(chain.warnings()).containsExactly(dir + "/1000/notes.sql is ignored: " + rule);
            assertThat(chain.ignored()).containsExactlyInAnyOrder(dir + "/1000/notes.sql (" + rule + ")",
                    dir + "/BUILD.bazel (" + rule + ")", dir + "/README.md (" + rule + ")");
        }

        /** {@code hydrateMetadataFromFile} and {@code applyMigration}: the concurrent index rules. */
        @Test
        void transactionsCreateIndexConcurrentlyOnlyWhereMetadataSaysSo() {
            migration("1000", "", "CREATE TABLE a (id int);\n", "DROP TABLE a;\n");
            folder.file("1001/up.sql", "CREATE INDEX CONCURRENTLY a_id_idx ON a (id);\n")
                    .file("1001/down.sql", "DROP INDEX a_id_idx;\n")
                    .file("1001/metadata.yaml", "name: index\nparents: [1000]\ncreateIndexConcurrently: true\n");
            Migrator.of(folder.chain(), db).migrateToLatest();
            assertThat(indexes(db)).isEqualTo("a_id_idx");
            assertThat(folder.chain().migrations().get(1).up().parse().noTransactionReason())
                    .contains("its metadata.yaml sets createIndexConcurrently: true");

            folder.file("1001/metadata.yaml", "name: index\nparents: [1000]\n");
            assertThatThrownBy(folder::chain).hasMessage(invalid("folder per migration", dir + "/1001: its up.sql"
                    + " creates an index concurrently, which sourcegraph runs only when " + dir + "/1001/metadata.yaml"
                    + " sets createIndexConcurrently: true; add that line"));
            folder.file("1001/metadata.yaml", "name: index\nparents: [1000]\ncreateIndexConcurrently: true\n")
                    .file("1001/up.sql", "CREATE INDEX CONCURRENTLY a_id_idx ON a (id);\nCREATE TABLE b (id int);\n");
            assertThatThrownBy(folder::chain).hasMessage(invalid("folder per migration", dir + "/1001: its up.sql"
                    + " creates an index concurrently and holds other statements, which sourcegraph refuses; move the"
                    + " index into a migration of its own (" + dir + "/1001/up.sql)"));
            folder.file("1001/up.sql", "CREATE INDEX a_id_idx ON a (id);\n");
            assertThatThrownBy(folder::chain).hasMessage(invalid("folder per migration", dir + "/1001: " + dir
                    + "/1001/metadata.yaml sets createIndexConcurrently: true but its up.sql creates no index"
                    + " concurrently; remove that line"));
            folder.file("1001/metadata.yaml", "name: index\nparents: [1000]\n")
                    .file("1001/down.sql", "CREATE INDEX CONCURRENTLY a_id_idx ON a (id);\n");
            assertThatThrownBy(folder::chain).hasMessage(invalid("folder per migration", dir + "/1001: its down.sql"
                    + " creates an index concurrently, which sourcegraph refuses in a down migration; remove"
                    + " CONCURRENTLY there"));
        }

        /** {@code applyMigration} runs the query in the store's transaction; COMMIT AND CHAIN commits part of it. */
        @Test
        void transactionsCommitAndChainCommitsPartOfAMigration() {
            migration("1000", "", "CREATE TABLE a (id int);\n", "DROP TABLE a;\n");
            migration("1001", "1000", "INSERT INTO a VALUES (1);\nCOMMIT AND CHAIN;\nINSERT INTO a VALUES (2);\n",
                    "DELETE FROM a;\n");
            Migrator migrator = Migrator.of(folder.chain(), db);
            assertThat(migrator.migrateToLatest().toString()).isEqualTo("1001");
            assertThat(folder.chain().migrations().get(1).up().parse().chainedCommit())
                    .contains("COMMIT AND CHAIN at " + dir + "/1001/up.sql:2");

            migration("1002", "1001", "INSERT INTO a VALUES (3);\nCOMMIT AND CHAIN;\nINSERT INTO a VALUES (4);\n"
                    + "INSERT INTO missing VALUES (5);\n", "DELETE FROM a WHERE id > 2;\n");
            Migrator failing = Migrator.of(folder.chain(), db);
            assertThatThrownBy(failing::migrateToLatest).isInstanceOf(MigrationException.class)
                    .hasMessage("The migration 1002 m1002 (" + dir + "/1002/up.sql) failed part-way. It ran in one"
                            + " transaction but committed part of its work with COMMIT AND CHAIN at " + dir
                            + "/1002/up.sql:2, so what it had committed when it failed stays:\n"
                            + "  - committed: " + dir + "/1002/up.sql:1 INSERT INTO a VALUES (3)\n"
                            + "  - rolled back with the transaction it had open: " + dir + "/1002/up.sql:3 INSERT INTO"
                            + " a VALUES (4)\n"
                            + "The history table " + HISTORY + " records it as failed (success = false, state = failed)"
                            + " and database " + db.name() + " counts as being at version 1001. Undo or finish those"
                            + " changes by hand, delete its row (DELETE FROM " + HISTORY + " WHERE installed_rank ="
                            + " 3;), then migrate again.\n"
                            + dir + "/1002/up.sql:4:13 [42P01] relation \"missing\" does not exist\n"
                            + "  4 | INSERT INTO missing VALUES (5);\n"
                            + "    |             ^");
        }
    }
}

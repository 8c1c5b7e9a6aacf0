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
    /** sqitch 1.x: lib/App/Sqitch/Plan/Change.pm (path_segments, rework_tags), lib/App/Sqitch/Engine/pg.pm. */
    @Nested
    class Sqitch {

        private static final String PLANNER = " 2024-01-01T10:00:00Z Marge N. <marge@example.com>";

        /** {@code path_segments}: the first rework tag whose {@code deploy/name@tag.sql} exists names the script. */
        @Test
        void reworksUseTheFirstTagWhoseScriptExists() {
            folder.file("sqitch.plan", "%syntax-version=1.0.0\n%project=shop\n\n"
                            + "prices" + PLANNER + " # Add prices.\n"
                            + "@v1.0" + PLANNER + " # Tag v1.0.\n"
                            + "@v1.1" + PLANNER + " # Tag v1.1.\n"
                            + "prices [prices@v1.1]" + PLANNER + " # Rework prices.\n")
                    .file("deploy/prices@v1.1.sql", "CREATE TABLE prices (id int);\n")
                    .file("revert/prices@v1.1.sql", "DROP TABLE prices;\n")
                    .file("deploy/prices.sql", "ALTER TABLE prices ADD COLUMN cents int;\n")
                    .file("revert/prices.sql", "ALTER TABLE prices DROP COLUMN cents;\n");
            MigrationChain chain = folder.chain();
            assertThat(chain.migrations()).extracting(m -> m.up().name())
                    .containsExactly(dir + "/deploy/prices@v1.1.sql", dir + "/deploy/prices.sql");
            Migrator.of(chain, db).migrateToLatest();
            assertThat(tables(db)).isEqualTo("prices(id, cents)");

            folder.file("sqitch.plan", "prices" + PLANNER + "\n@v1.0" + PLANNER + "\n@v1.1" + PLANNER + "\nprices"
                    + PLANNER + "\n");
            new java.io.File(dir + "/deploy/prices@v1.1.sql").delete();
            assertThatThrownBy(folder::chain).hasMessage(invalid("sqitch", dir + "/sqitch.plan:1 names change"
                    + " 'prices', reworked later, but none of deploy/prices@v1.0.sql, deploy/prices@v1.1.sql exists at "
                    + dir + " (sqitch runs the script of the first tag between a change and its rework that has"
                    + " one)"));
        }

        /** {@code Engine::run_file}: only the plan's scripts run; test/, data/ and stray files are not read. */
        @Test
        void ignoreEverythingThePlanDoesNotName() {
            folder.file("sqitch.plan", "%project=shop\nusers" + PLANNER + "\n")
                    .file("sqitch.conf", "[core]\n\tengine = pg\n")
                    .file("deploy/users.sql", "BEGIN;\nCREATE TABLE users (id int);\nCOMMIT;\n")
                    .file("deploy/unplanned.sql", "SELECT 1;\n")
                    .file("test/users.sql", "SELECT plan(1);\n")
                    .file("data/users.sql", "INSERT INTO users VALUES (1);\n")
                    .file("notes.sql", "-- scratch\n");
            MigrationChain chain = folder.chain();
            String rule = "sqitch reads only sqitch.plan and the deploy/, revert/ and verify/ scripts it names";
            assertThat(chain.warnings()).containsExactly(dir + "/deploy/unplanned.sql is ignored: " + rule);
            assertThat(chain.ignored()).containsExactlyInAnyOrder(dir + "/data/users.sql (" + rule + ")",
                    dir + "/deploy/unplanned.sql (" + rule + ")", dir + "/notes.sql (" + rule + ")",
                    dir + "/sqitch.conf (" + rule + ")", dir + "/test/users.sql (" + rule + ")");
        }

        /** {@code Engine::pg} runs each script with {@code psql --file} and ON_ERROR_STOP, not in one transaction. */
        @Test
        void transactionsScriptsRunAsPsqlRunsThem() {
            folder.file("sqitch.plan", "%project=shop\nusers" + PLANNER + "\n")
                    .file("deploy/users.sql", "CREATE TABLE users (id int);\nCREATE TABLE users (id int);\n");
            assertThatThrownBy(() -> Migrator.of(folder.chain(), db).migrateToLatest())
                    .hasMessage("The migration 1 users (" + dir + "/deploy/users.sql) failed part-way. It ran outside"
                            + " a transaction (sqitch runs each script with psql, which commits every statement on its"
                            + " own unless the script opens a transaction), so what it had done when it failed"
                            + " stays:\n"
                            + "  - committed: " + dir + "/deploy/users.sql:1 CREATE TABLE users (id int)\n"
                            + "The history table " + HISTORY + " records it as failed (success = false, state = failed)"
                            + " and database " + db.name() + " counts as being at version <empty>. Undo or finish"
                            + " those changes by hand, delete its row (DELETE FROM " + HISTORY + " WHERE installed_rank"
                            + " = 1;), then migrate again.\n"
                            + dir + "/deploy/users.sql:2:1 [42P07] relation \"users\" already exists\n"
                            + "  2 | CREATE TABLE users (id int);");
            assertThat(tables(db)).isEqualTo("users(id)");
        }
    }

    /** popx (ory/x): popx/match.go, popx/migration_info.go, popx/migrator.go; pop: dialect synonyms. */
    @Nested
    class Pop {

        /** {@code SortAndFilter}: the dialect's file wins over "all"; other dialects are filtered out. */
        @Test
        void dialectsThePostgresFileWinsAndOtherDialectsAreNotRun() {
            for (String dialect : new String[] {"", ".postgres", ".mysql", ".sqlite3", ".cockroach"}) {
                String name = dialect.isEmpty() ? "generic" : dialect.substring(1);
                folder.file("20240101000000_init" + dialect + ".up.sql", "CREATE TABLE " + name + " (id int);\n")
                        .file("20240101000000_init" + dialect + ".down.sql", "DROP TABLE " + name + ";\n");
            }
            folder.file("20240101000000_init.oracle.up.sql", "CREATE TABLE oracle (id int);\n");
            MigrationChain chain = folder.chain();
            assertThat(chain.layout()).contains(Layout.POP);
            assertThat(chain.migrations()).singleElement().satisfies(m -> {
                assertThat(m.up().name()).isEqualTo(dir + "/20240101000000_init.postgres.up.sql");
                assertThat(m.down()).map(s -> s.name()).contains(dir + "/20240101000000_init.postgres.down.sql");
            });
            assertThat(chain.ignored()).contains(
                    dir + "/20240101000000_init.up.sql (pop runs the .postgres. file of this version on PostgreSQL"
                            + " instead)",
                    dir + "/20240101000000_init.mysql.up.sql (a mysql migration, which pop does not run on"
                            + " PostgreSQL)",
                    dir + "/20240101000000_init.oracle.up.sql (pop skips files of a dialect it does not know"
                            + " (oracle))");
            assertThat(chain.warnings()).isEmpty();
            Migrator.of(chain, db).migrateToLatest();
            assertThat(tables(db)).isEqualTo("postgres(id)");
        }

        /** {@code findMigrations} walks every folder; {@code Migrations.Less} compares versions as strings. */
        @Test
        void orderVersionsAsTextAndDiscoveryInSubfolders() {
            folder.file("core/10_users.up.sql", "CREATE TABLE users (id int);\n")
                    .file("core/10_users.down.sql", "DROP TABLE users;\n")
                    .file("extra/2_email.up.sql", "ALTER TABLE users ADD COLUMN email text;\n")
                    .file("extra/2_email.down.sql", "ALTER TABLE users DROP COLUMN email;\n")
                    .file("extra/2_email.postgres.up.sql", "ALTER TABLE users ADD COLUMN email text NOT NULL;\n");
            MigrationChain chain = folder.chain();
            assertThat(chain.migrations()).extracting(m -> m.version().toString()).containsExactly("10", "2");
            Migrator migrator = Migrator.of(chain, db);
            assertThat(migrator.migrateToLatest().toString()).isEqualTo("2");
            assertThat(tables(db)).isEqualTo("users(id, email)");
            migrator.migrateTo(MigrationVersion.EMPTY);
            assertThat(tables(db)).isEmpty();
        }

        /** {@code isolatedTransaction} for every migration; {@code .autocommit.} (after a dialect) runs without one. */
        @Test
        void transactionsEachMigrationInOneUnlessAutocommit() {
            folder.file("20240101000000_users.up.sql", "CREATE TABLE users (id int);\n")
                    .file("20240102000000_index.postgres.autocommit.up.sql", "CREATE INDEX CONCURRENTLY users_id_idx"
                            + " ON users (id);\n")
                    .file("20240103000000_more.up.sql", "CREATE INDEX CONCURRENTLY users_id2_idx ON users (id);\n")
                    .file("20240104000000_typo.autocommit.up.sql", "SELECT 1;\n");
            MigrationChain chain = folder.chain();
            assertThat(chain.warnings()).containsExactly(dir + "/20240104000000_typo.autocommit.up.sql is ignored:"
                    + " popx reads .autocommit. only after a dialect, as in"
                    + " 20240104000000_typo.postgres.autocommit.up.sql; here it takes autocommit for a dialect it does"
                    + " not know and skips the file");
            Migrator migrator = Migrator.of(chain, db);
            assertThatThrownBy(migrator::migrateToLatest).hasMessage("The migration 20240103000000 more (" + dir
                    + "/20240103000000_more.up.sql) failed and was rolled back; database " + db.name() + " stays at"
                    + " version 20240102000000. It ran in a transaction: pop runs each migration in a transaction"
                    + " unless its name holds .autocommit..\n"
                    + dir + "/20240103000000_more.up.sql:1:1 [25001] CREATE INDEX CONCURRENTLY cannot run inside a"
                    + " transaction block\n"
                    + "  1 | CREATE INDEX CONCURRENTLY users_id2_idx ON users (id);");
            assertThat(indexes(db)).isEqualTo("users_id_idx");
        }

        /** {@code ParseMigrationFilename}: fizz is pop's own DSL, translated by pop; Driftless runs only SQL. */
        @Test
        void dialectsAFizzMigrationPostgresWouldRunIsAnError() {
            folder.file("20240101000000_users.up.fizz", "create_table(\"users\") {}\n")
                    .file("20240102000000_more.up.fizz", "create_table(\"more\") {}\n")
                    .file("20240102000000_more.postgres.up.sql", "CREATE TABLE more (id int);\n");
            assertThatThrownBy(folder::chain).hasMessage(invalid("pop", dir + "/20240101000000_users.up.fizz is a"
                    + " fizz migration, which pop translates into SQL itself and Driftless does not; add"
                    + " 20240101000000_users.postgres.up.sql with its SQL for PostgreSQL, which pop then runs"
                    + " instead"));
        }
    }

    /** Flyway 10: migrations docs (naming, baseline migrations), script configuration (executeInTransaction). */
    @Nested
    class Flyway {

        private void chainWithABaseline() {
            folder.file("V1__users.sql", "CREATE TABLE users (id int);\n")
                    .file("U1__users.sql", "DROP TABLE users;\n")
                    .file("V2__email.sql", "ALTER TABLE users ADD COLUMN email text;\n")
                    .file("U2__email.sql", "ALTER TABLE users DROP COLUMN email;\n")
                    .file("B2__baseline.sql", "CREATE TABLE users (id int, email text);\n")
                    .file("V3__orders.sql", "CREATE TABLE orders (id int);\n")
                    .file("U3__orders.sql", "DROP TABLE orders;\n");
        }

        /** validateMigrationNaming: a file that looks versioned but does not follow the naming is an error. */
        @Test
        void discoveryAMisnamedVersionedFileStaysAnError() {
            folder.file("V1__users.sql", "CREATE TABLE users (id int);\n").file("V2_email.sql", "SELECT 1;\n");
            assertThatThrownBy(folder::chain).hasMessage(invalid("Flyway", dir + "/V2_email.sql fits no pattern of"
                    + " the Flyway layout (expected names like V1__init.sql, V1.1__add_x.sql, U1__init.sql,"
                    + " R__views.sql, B2__baseline.sql); rename it or move it out of the migrations folder"));
        }

        /** Baseline migrations: a new environment starts from the latest baseline; versions up to it are skipped. */
        @Test
        void baselinesANewDatabaseStartsFromTheNewestBaseline() {
            chainWithABaseline();
            MigrationChain chain = folder.chain();
            assertThat(chain.baselines()).extracting(Migration::toString)
                    .containsExactly("2 baseline (" + dir + "/B2__baseline.sql)");
            Migrator migrator = Migrator.of(chain, db);
            MigrationResult result = migrator.migrate(chain.latestVersion());
            assertThat(result.applied()).extracting(m -> m.up().name())
                    .containsExactly(dir + "/B2__baseline.sql", dir + "/V3__orders.sql");
            assertThat(migrator.history()).extracting(r -> r.version() + " " + r.script())
                    .containsExactly("2 " + dir + "/B2__baseline.sql", "3 " + dir + "/V3__orders.sql");
            assertThat(tables(db)).isEqualTo("orders(id), users(id, email)");
            assertThat(migrator.migrateTo("2").toString()).isEqualTo("2");
            assertThat(migrator.migrateToLatest().toString()).isEqualTo("3");
            assertThatThrownBy(() -> migrator.migrateTo("1")).hasMessage("Cannot migrate database " + db.name()
                    + " down from version 3 to 1: version 2 was built by the baseline " + dir + "/B2__baseline.sql,"
                    + " and a baseline has no down script (Flyway runs baselines only on new databases). Nothing was"
                    + " changed: add the missing down script(s), or migrate down only to a version above them.");
        }

        /** Baseline migrations are ignored where migrations have already been applied. */
        @Test
        void baselinesADatabaseWithAHistoryNeverRunsOne() {
            chainWithABaseline();
            Migrator migrator = Migrator.of(folder.chain(), db);
            migrator.migrateTo("1");
            MigrationResult result = migrator.migrate(MigrationVersion.parse("3"));
            assertThat(result.applied()).extracting(m -> m.up().name())
                    .containsExactly(dir + "/V2__email.sql", dir + "/V3__orders.sql");
            assertThat(migrator.migrateTo(MigrationVersion.EMPTY)).isEqualTo(MigrationVersion.EMPTY);
        }

        /** "baseline ≡ versioned migrations up to its version" is a check of ChainChecks. */
        @Test
        void baselinesEachBuildsWhatTheVersionedMigrationsUpToItBuild() {
            chainWithABaseline();
            ChainChecks checks = ChainChecks.on(server).reportingProgressTo(line -> { });
            List<CheckResult> passing = checks.baselines(folder.chain());
            assertThat(passing).singleElement().satisfies(r -> {
                assertThat(r.kind()).isEqualTo(CheckResult.Kind.BASELINE);
                assertThat(r.verdict()).isEqualTo(CheckResult.Verdict.PASSED);
            });
            folder.file("B2__baseline.sql", "CREATE TABLE users (id int);\n");
            CheckResult failing = checks.baselines(folder.chain()).get(0);
            assertThat(failing.verdict()).isEqualTo(CheckResult.Verdict.FAILED);
            assertThat(failing.differences().get(0).diff().summary()).isEqualTo("1 difference (1 structure)");
        }

        /** Script config: {@code executeInTransaction=true} keeps Flyway from running the script without one. */
        @Test
        void transactionsExecuteInTransactionTrueRunsTheScriptInOne() {
            folder.file("V1__users.sql", "CREATE TABLE users (id int);\n")
                    .file("V2__index.sql", "CREATE INDEX CONCURRENTLY users_id_idx ON users (id);\n")
                    .file("V2__index.sql.conf", "executeInTransaction=true\n");
            assertThatThrownBy(() -> Migrator.of(folder.chain(), db).migrateToLatest()).hasMessage("The migration 2"
                    + " index (" + dir + "/V2__index.sql) failed and was rolled back; database " + db.name() + " stays"
                    + " at version 1. It ran in a transaction: its V2__index.sql.conf sets executeInTransaction=true.\n"
                    + dir + "/V2__index.sql:1:1 [25001] CREATE INDEX CONCURRENTLY cannot run inside a transaction"
                    + " block\n"
                    + "  1 | CREATE INDEX CONCURRENTLY users_id_idx ON users (id);");
        }
    }

    /** golang-migrate v4: source/parse.go (file names), source/iofs, database/postgres/postgres.go (Run). */
    @Nested
    class GolangMigrate {

        /** The iofs source skips entries it cannot parse and folders. */
        @Test
        void ignoreFilesItCannotParseAreWarnings() {
            folder.file("1_users.up.sql", "CREATE TABLE users (id int);\n")
                    .file("1_users.down.sql", "DROP TABLE users;\n")
                    .file("notes.sql", "-- scratch\n")
                    .file("old/2_x.up.sql", "SELECT 1;\n");
            MigrationChain chain = folder.chain();
            String rule = "golang-migrate reads only files named like 1_init.up.sql and 1_init.down.sql at the top of"
                    + " the folder";
            assertThat(chain.warnings()).containsExactly(dir + "/notes.sql is ignored: " + rule);
            assertThat(chain.ignored()).containsExactlyInAnyOrder(dir + "/notes.sql (" + rule + ")",
                    dir + "/old/2_x.up.sql (" + rule + ")");
        }

        /** {@code Run} sends the whole file in one ExecContext: PostgreSQL runs several statements as one transaction. */
        @Test
        void transactionsAFileOfSeveralStatementsRunsAsOneTransaction() {
            folder.file("1_users.up.sql", "CREATE TABLE users (id int);\n")
                    .file("2_index.up.sql", "CREATE INDEX CONCURRENTLY users_id_idx ON users (id);\n")
                    .file("3_more.up.sql", "CREATE TABLE more (id int);\nCREATE INDEX CONCURRENTLY more_id_idx ON"
                            + " more (id);\n");
            Migrator migrator = Migrator.of(folder.chain(), db);
            assertThatThrownBy(migrator::migrateToLatest).hasMessage("The migration 3 more (" + dir
                    + "/3_more.up.sql) failed and was rolled back; database " + db.name() + " stays at version 2. It"
                    + " ran in a transaction: golang-migrate sends the file to the server as one query, which"
                    + " PostgreSQL runs as one transaction when it holds more than one statement.\n"
                    + dir + "/3_more.up.sql:2:1 [25001] CREATE INDEX CONCURRENTLY cannot run inside a transaction"
                    + " block\n"
                    + "  2 | CREATE INDEX CONCURRENTLY more_id_idx ON more (id);");
            assertThat(indexes(db)).isEqualTo("users_id_idx");
        }
    }

    /** Prisma Migrate: a migration.sql is sent as one script (prisma/prisma#14456: 25001 on CONCURRENTLY). */
    @Nested
    class Prisma {

        @Test
        void transactionsAFileOfSeveralStatementsRunsAsOneTransaction() {
            folder.file("20240101000000_init/migration.sql", "CREATE TABLE users (id int);\n"
                            + "CREATE INDEX CONCURRENTLY users_id_idx ON users (id);\n")
                    .file("migration_lock.toml", "provider = \"postgresql\"\n")
                    .file("notes.sql", "-- scratch\n");
            MigrationChain chain = folder.chain();
            assertThat(chain.warnings()).containsExactly(dir + "/notes.sql is ignored: Prisma Migrate reads only"
                    + " migration.sql in each migration folder");
            assertThat(chain.migrations().get(0).up().parse().runsInTransaction()).isTrue();
            assertThatThrownBy(() -> Migrator.of(chain, db).migrateToLatest()).hasMessageContaining("[25001]");
        }
    }

    /** dbmate 2.x: pkg/dbmate (migrationFileRegexp, parseMigrationContents, transaction per migration). */
    @Nested
    class Dbmate {

        /** {@code ^(\d+).*\.sql$}: the underscore is not needed; other .sql files are not read. */
        @Test
        void discoveryNamesThatStartWithTheirVersion() {
            folder.file("20240101000000.sql", "-- migrate:up\nCREATE TABLE users (id int);\n-- migrate:down\n"
                            + "DROP TABLE users;\n")
                    .file("schema.sql", "CREATE TABLE users (id int);\n");
            MigrationChain chain = folder.chain();
            assertThat(chain.migrations()).extracting(m -> m.version().toString()).containsExactly("20240101000000");
            assertThat(chain.warnings()).containsExactly(dir + "/schema.sql is ignored: dbmate reads only .sql files"
                    + " whose name starts with their version, at the top of the folder");
        }

        /** dbmate wraps each migration in a transaction unless the marker says {@code transaction:false}. */
        @Test
        void transactionsEachSectionInOneUnlessTransactionFalse() {
            folder.file("20240101000000_users.sql", "-- migrate:up\nCREATE TABLE users (id int);\n")
                    .file("20240102000000_index.sql", "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY"
                            + " users_id_idx ON users (id);\n")
                    .file("20240103000000_more.sql", "-- migrate:up\nCREATE INDEX CONCURRENTLY users_id2_idx ON users"
                            + " (id);\n");
            assertThatThrownBy(() -> Migrator.of(folder.chain(), db).migrateToLatest()).hasMessage("The migration"
                    + " 20240103000000 more (" + dir + "/20240103000000_more.sql) failed and was rolled back; database "
                    + db.name() + " stays at version 20240102000000. It ran in a transaction: dbmate runs each"
                    + " migration in a transaction unless its '-- migrate:up' line says transaction:false.\n"
                    + dir + "/20240103000000_more.sql:2:1 [25001] CREATE INDEX CONCURRENTLY cannot run inside a"
                    + " transaction block\n"
                    + "  2 | CREATE INDEX CONCURRENTLY users_id2_idx ON users (id);");
            assertThat(indexes(db)).isEqualTo("users_id_idx");
        }
    }

    /** temporal / cadence schema tool: tools/common/schema/updatetask.go (readSchemaDir, readManifest). */
    @Nested
    class Manifest {

        private void version(String dir, String manifest, String... files) {
            folder.file(dir + "/manifest.json", manifest);
            for (int i = 0; i < files.length; i += 2) {
                folder.file(dir + "/" + files[i], files[i + 1]);
            }
        }

        /** {@code readSchemaDir} sorts {@code vX.Y} folders by version; the manifest lists the files in order. */
        @Test
        void orderVersionFoldersByVersionAndFilesAsListed() {
            version("v0.1", "{\"CurrVersion\": \"0.1\", \"MinCompatibleVersion\": \"0.1\", \"Description\": \"base\","
                    + " \"SchemaUpdateCqlFiles\": [\"base.sql\"]}", "base.sql", "CREATE TABLE users (id int);\n");
            version("v0.10", "{\"CurrVersion\": \"0.10\", \"MinCompatibleVersion\": \"0.1\", \"Description\": \"late\","
                    + " \"SchemaUpdateCqlFiles\": [\"late.sql\"]}", "late.sql", "ALTER TABLE users ADD COLUMN c text;\n");
            version("v0.2", "{\"CurrVersion\": \"0.2\", \"MinCompatibleVersion\": \"0.1\", \"Description\": \"two files\","
                    + " \"SchemaUpdateCqlFiles\": [\"z_table.sql\", \"a_column.sql\"]}",
                    "z_table.sql", "CREATE TABLE orders (id int);\n",
                    "a_column.sql", "ALTER TABLE orders ADD COLUMN total int;\n",
                    "unlisted.sql", "DROP TABLE users;\n");
            MigrationChain chain = folder.chain();
            assertThat(chain.layout()).contains(Layout.MANIFEST);
            assertThat(chain.migrations()).extracting(m -> m.version() + " " + m.description())
                    .containsExactly("v0.1 base", "v0.2 two files", "v0.10 late");
            assertThat(chain.warnings()).containsExactly(dir + "/v0.2/unlisted.sql is ignored: the schema tool reads"
                    + " only the manifest of each version folder and the files it lists");
            Migrator.of(chain, db).migrateToLatest();
            assertThat(tables(db)).isEqualTo("orders(id, total), users(id, c)");
        }

        /** {@code buildChangeSet}: the manifest's CurrVersion must match its folder. */
        @Test
        void discoveryTheManifestVersionMatchesItsFolder() {
            version("v1.0", "{\"CurrVersion\": \"1.1\", \"MinCompatibleVersion\": \"1.0\","
                    + " \"SchemaUpdateCqlFiles\": [\"base.sql\"]}", "base.sql", "SELECT 1;\n");
            assertThatThrownBy(folder::chain).hasMessage(invalid("manifest", dir + "/v1.0/manifest.json says"
                    + " CurrVersion \"1.1\", but its folder is v1.0; the schema tool needs the two to match"));
        }

        /** {@code execCQLStmts} runs each statement on its own; the files run through {@code \\ir}. */
        @Test
        void transactionsEachStatementOnItsOwn() {
            version("v1.0", "{\"CurrVersion\": \"1.0\", \"MinCompatibleVersion\": \"1.0\","
                    + " \"SchemaUpdateCqlFiles\": [\"a.sql\", \"b.sql\"]}", "a.sql", "CREATE TABLE a (id int);\n",
                    "b.sql", "CREATE TABLE b (id int);\nCREATE TABLE a (id int);\n");
            assertThatThrownBy(() -> Migrator.of(folder.chain(), db).migrateToLatest())
                    .hasMessageStartingWith("The migration v1.0 (" + dir + "/v1.0/manifest.json) failed part-way. It"
                            + " ran outside a transaction (the schema tool runs each statement of a manifest's files"
                            + " on its own), so what it had done when it failed stays:\n"
                            + "  - committed: " + dir + "/v1.0/a.sql:1 CREATE TABLE a (id int)\n"
                            + "  - committed: " + dir + "/v1.0/b.sql:1 CREATE TABLE b (id int)\n");
            assertThat(tables(db)).isEqualTo("a(id), b(id)");
        }
    }
}

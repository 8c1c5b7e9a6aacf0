package dev.driftless.migration;

import dev.driftless.migration.AppliedMigration.State;
import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.SqlScript;
import dev.driftless.testing.MigrateInChildMain;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Migrations that run outside a transaction: what a failure leaves is said exactly (committed statements, INVALID
 * indexes), the history row is written before the first statement so that a killed run leaves a record, and a script
 * whose own transaction was rolled back is not recorded as half-applied.
 */
class NonTransactionalMigrationTest {

    private static final String HISTORY = "\"public\".\"driftless_schema_history\"";

    private final PostgresServer server = TestServers.embedded();
    private Database db;

    @BeforeEach
    void createDatabase() {
        db = server.createDatabase();
    }

    @AfterEach
    void dropDatabase() {
        server.drop(db);
    }

    @Test
    void aFailedCreateIndexConcurrentlyNamesTheInvalidIndexItLeftAndHowToDropIt() throws SQLException {
        MigrationChain chain = chain(
                migration("1", "table", "CREATE TABLE t (id int);\nINSERT INTO t VALUES (1), (1);"),
                migration("2", "unique", "CREATE UNIQUE INDEX CONCURRENTLY t_id_key ON t (id);"));
        Migrator migrator = Migrator.of(chain, db);
        assertThatThrownBy(migrator::migrateToLatest)
                .isInstanceOf(MigrationException.class)
                .hasMessage("The migration 2 unique (2_unique.sql) failed part-way. It ran outside a transaction"
                        + " (CREATE UNIQUE INDEX CONCURRENTLY at 2_unique.sql:1 cannot run inside a transaction block),"
                        + " so what it had done when it failed stays:\n"
                        + "  - left behind by the failed statement: the INVALID index \"public\".\"t_id_key\" (drop it:"
                        + " DROP INDEX CONCURRENTLY \"public\".\"t_id_key\";)\n"
                        + "The history table " + HISTORY + " records it as failed (success = false, state = failed)"
                        + " and database " + db.name() + " counts as being at version 1. Undo or finish those changes"
                        + " by hand, delete its row (DELETE FROM " + HISTORY + " WHERE installed_rank = 2;), then"
                        + " migrate again.\n"
                        + "2_unique.sql:1:1 [23505] could not create unique index \"t_id_key\"\n"
                        + "  1 | CREATE UNIQUE INDEX CONCURRENTLY t_id_key ON t (id);\n"
                        + "Detail: Key (id)=(1) is duplicated.");
        assertThat(query("SELECT string_agg(indexrelid::regclass || ' ' || indisvalid, ', ') FROM pg_index"
                + " WHERE indrelid = 't'::regclass")).isEqualTo("t_id_key false");
        assertThat(migrator.history()).extracting(AppliedMigration::state).containsExactly(State.APPLIED, State.FAILED);

        // Doing what the message says lets the next run finish the migration.
        execute("DROP INDEX CONCURRENTLY \"public\".\"t_id_key\"", "DELETE FROM " + HISTORY + " WHERE installed_rank = 2",
                "DELETE FROM t WHERE ctid <> (SELECT min(ctid) FROM t)");
        MigrationResult result = migrator.migrate(MigrationVersion.parse("2"));
        assertThat(result.applied()).extracting(m -> m.version().toString()).containsExactly("2");
        assertThat(query("SELECT indisvalid FROM pg_index WHERE indexrelid = 't_id_key'::regclass")).isEqualTo("t");
        assertThat(migrator.history()).extracting(AppliedMigration::state).containsExactly(State.APPLIED, State.APPLIED);
    }

    @Test
    void aFailedMigrationOutsideATransactionListsTheStatementsThatWereCommittedAndThoseRolledBack()
            throws SQLException {
        MigrationChain chain = chain(
                migration("1", "table", "CREATE TABLE t (id int);"),
                migration("2", "two", """
                        BEGIN;
                        CREATE TABLE u (id int);
                        COMMIT;
                        CREATE INDEX CONCURRENTLY t_id_idx ON t (id);
                        BEGIN;
                        CREATE TABLE v (id int);
                        INSERT INTO v VALUES ('x');
                        COMMIT;
                        """));
        Migrator migrator = Migrator.of(chain, db);
        assertThatThrownBy(migrator::migrateToLatest)
                .isInstanceOf(MigrationException.class)
                .hasMessage("The migration 2 two (2_two.sql) failed part-way. It ran outside a transaction (it manages"
                        + " its own transactions (BEGIN at 2_two.sql:1)), so what it had done when it failed stays:\n"
                        + "  - committed: 2_two.sql:2 CREATE TABLE u (id int)\n"
                        + "  - committed: 2_two.sql:4 CREATE INDEX CONCURRENTLY t_id_idx ON t (id)\n"
                        + "  - rolled back with the transaction it had open: 2_two.sql:6 CREATE TABLE v (id int)\n"
                        + "The history table " + HISTORY + " records it as failed (success = false, state = failed)"
                        + " and database " + db.name() + " counts as being at version 1. Undo or finish those changes"
                        + " by hand, delete its row (DELETE FROM " + HISTORY + " WHERE installed_rank = 2;), then"
                        + " migrate again.\n"
                        + "2_two.sql:7:23 [22P02] invalid input syntax for type integer: \"x\"\n"
                        + "  7 | INSERT INTO v VALUES ('x');\n"
                        + "    |                       ^");
        assertThat(query("SELECT string_agg(relname, ', ' ORDER BY relname) FROM pg_class WHERE relname IN ('u', 'v',"
                + " 't_id_idx')")).isEqualTo("t_id_idx, u");

        AppliedMigration failed = migrator.history().get(1);
        assertThat(failed.state()).isEqualTo(State.FAILED);
        assertThat(failed.success()).isFalse();
        assertThatThrownBy(migrator::migrateToLatest)
                .isInstanceOf(MigrationException.class)
                .hasMessage("The history table " + HISTORY + " of database " + db.name() + " records a migration that"
                        + " ran outside a transaction and did not finish cleanly, so migrating on could build on a"
                        + " half-done one. Nothing was changed.\n"
                        + "  - migration 2 two (2_two.sql) failed part-way (it ran at " + at(failed) + "), so the"
                        + " statements before the failing one stay applied; its statements:\n"
                        + "      2_two.sql:2 CREATE TABLE u (id int)\n"
                        + "      2_two.sql:4 CREATE INDEX CONCURRENTLY t_id_idx ON t (id)\n"
                        + "      2_two.sql:6 CREATE TABLE v (id int)\n"
                        + "      2_two.sql:7 INSERT INTO v VALUES ('x')\n"
                        + "To repair: check which of those statements took effect and undo or finish them by hand,"
                        + " then delete the row (DELETE FROM " + HISTORY + " WHERE installed_rank = 2;) and migrate"
                        + " again.")
                .satisfies(e -> assertThat(((MigrationException) e).completed()).hasValueSatisfying(c -> {
                    assertThat(c.didNothing()).isTrue();
                    assertThat(c.reached().toString()).isEqualTo("1");
                }));
    }

    @Test
    void aMigrationWhoseOwnTransactionWasRolledBackIsNotRecordedAndDoesNotBlockTheDatabase() throws SQLException {
        Migration first = migration("1", "table", "CREATE TABLE t (id int);");
        Migrator migrator = Migrator.of(chain(first, migration("2", "own", """
                BEGIN;
                CREATE TABLE u (id int);
                INSERT INTO u VALUES ('x');
                COMMIT;
                """)), db);
        assertThatThrownBy(migrator::migrateToLatest)
                .isInstanceOf(MigrationException.class)
                .hasMessage("The migration 2 own (2_own.sql) failed, and nothing of it stayed applied: it ran outside a"
                        + " transaction (it manages its own transactions (BEGIN at 2_own.sql:1)), but no statement of"
                        + " it had been committed (the transaction it had open was rolled back); database " + db.name()
                        + " stays at version 1.\n"
                        + "2_own.sql:3:23 [22P02] invalid input syntax for type integer: \"x\"\n"
                        + "  3 | INSERT INTO u VALUES ('x');\n"
                        + "    |                       ^");
        assertThat(migrator.history()).extracting(r -> r.version().toString()).containsExactly("1");
        assertThat(query("SELECT to_regclass('u') IS NULL")).isEqualTo("t");

        Migrator fixed = Migrator.of(chain(first, migration("2", "own", """
                BEGIN;
                CREATE TABLE u (id int);
                INSERT INTO u VALUES (1);
                COMMIT;
                """)), db);
        assertThat(fixed.migrateToLatest().toString()).isEqualTo("2");
        assertThat(query("SELECT count(*) FROM u")).isEqualTo("1");
    }

    @Test
    void aDownScriptOutsideATransactionThatFailsCleanlyKeepsItsMigrationApplied() {
        Migrator migrator = Migrator.of(chain(
                migration("1", "table", "CREATE TABLE t (id int);"),
                Migration.of(MigrationVersion.parse("2"), "index",
                        SqlScript.of("2_index.sql", "CREATE INDEX CONCURRENTLY t_id_idx ON t (id);"),
                        SqlScript.of("2_index.down.sql", "DROP INDEX CONCURRENTLY t_missing_idx;"))), db);
        migrator.migrateToLatest();
        assertThatThrownBy(() -> migrator.migrateTo("1"))
                .isInstanceOf(MigrationException.class)
                .hasMessage("The down script 2_index.down.sql of migration 2 index failed, and nothing of it stayed"
                        + " applied: it ran outside a transaction (DROP INDEX CONCURRENTLY at 2_index.down.sql:1 cannot"
                        + " run inside a transaction block), but no statement of it had been committed; database "
                        + db.name() + " stays at version 2.\n"
                        + "2_index.down.sql:1:1 [42704] index \"t_missing_idx\" does not exist\n"
                        + "  1 | DROP INDEX CONCURRENTLY t_missing_idx;");
        assertThat(migrator.history()).extracting(AppliedMigration::state).containsExactly(State.APPLIED, State.APPLIED);
        assertThat(migrator.currentVersion().toString()).isEqualTo("2");
    }

    /**
     * A child JVM migrates; its {@code CREATE INDEX CONCURRENTLY} waits for a transaction of this test; the child is
     * killed with SIGKILL. The history row written before the statement ran makes the next run refuse, saying what
     * may be half-applied (here the INVALID index the interrupted statement left) and how to repair.
     */
    @Test
    void aRunKilledDuringAMigrationOutsideATransactionLeavesARecordThatTheNextRunRefusesWithTheRepair()
            throws Exception {
        MigrationChain chain = MigrateInChildMain.chain();
        Migrator migrator = Migrator.of(chain, db);
        migrator.migrateTo("1");
        Path output = Files.createTempFile("driftless-child", ".txt");
        try (Connection blocker = db.connect()) {
            blocker.setAutoCommit(false);
            try (Statement st = blocker.createStatement()) {
                st.execute("INSERT INTO t VALUES (1)");  // CREATE INDEX CONCURRENTLY waits for this transaction
            }
            Process child = startChild(output);
            try {
                awaitTrue(() -> backends("query LIKE 'CREATE INDEX CONCURRENTLY%' AND wait_event_type = 'Lock'")
                        == 1, "the child's CREATE INDEX CONCURRENTLY to wait for the test's transaction", output);
                assertThat(migrator.history()).extracting(AppliedMigration::state)
                        .containsExactly(State.APPLIED, State.STARTED);
                child.destroyForcibly();  // SIGKILL on Linux
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(child.exitValue()).isEqualTo(137);
                // The server notices within seconds that its client is gone (client_connection_check_interval).
                awaitTrue(() -> backends("query LIKE 'CREATE INDEX CONCURRENTLY%'") == 0,
                        "the killed child's session to end", output);
            } finally {
                child.destroyForcibly();
            }
            blocker.rollback();
        } finally {
            Files.deleteIfExists(output);
        }
        assertThat(query("SELECT indisvalid FROM pg_index WHERE indexrelid = 't_id_idx'::regclass")).isEqualTo("f");
        AppliedMigration started = migrator.history().get(1);
        assertThat(started.state()).isEqualTo(State.STARTED);

        assertThatThrownBy(migrator::migrateToLatest)
                .isInstanceOf(MigrationException.class)
                .hasMessage("The history table " + HISTORY + " of database " + db.name() + " records a migration that"
                        + " ran outside a transaction and did not finish cleanly, so migrating on could build on a"
                        + " half-done one. Nothing was changed.\n"
                        + "  - migration 2 index (2_index.sql) was started at " + at(started) + " and never finished"
                        + " (the run was killed or lost its connection), so any of its statements may have run and"
                        + " stay applied; its statements:\n"
                        + "      2_index.sql:1 CREATE INDEX CONCURRENTLY t_id_idx ON t (id)\n"
                        + "  - the database has the INVALID index \"public\".\"t_id_idx\" (drop it: DROP INDEX"
                        + " CONCURRENTLY \"public\".\"t_id_idx\";), which a failed or interrupted CREATE INDEX"
                        + " CONCURRENTLY leaves behind\n"
                        + "To repair: check which of those statements took effect and undo or finish them by hand,"
                        + " then delete the row (DELETE FROM " + HISTORY + " WHERE installed_rank = 2;) and migrate"
                        + " again.");
        assertThat(migrator.history()).extracting(AppliedMigration::state).containsExactly(State.APPLIED, State.STARTED);

        execute("DROP INDEX CONCURRENTLY \"public\".\"t_id_idx\"", "DELETE FROM " + HISTORY + " WHERE installed_rank = 2");
        assertThat(migrator.migrateToLatest().toString()).isEqualTo("2");
        assertThat(query("SELECT indisvalid FROM pg_index WHERE indexrelid = 't_id_idx'::regclass")).isEqualTo("t");
    }

    @Test
    void aHistoryTableWrittenBeforeTheStateColumnIsReadAsItIsAndUpgradedOnTheFirstMigration() throws SQLException {
        MigrationChain chain = chain(
                migration("1", "table", "CREATE TABLE t (id int);"),
                migration("2", "index", "CREATE INDEX CONCURRENTLY t_id_idx ON t (id);"),
                migration("3", "more", "CREATE TABLE u (id int);"));
        execute("CREATE TABLE driftless_schema_history (\n"
                        + "  installed_rank integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n"
                        + "  version text,\n"
                        + "  description text NOT NULL,\n"
                        + "  type text NOT NULL CHECK (type IN ('versioned', 'repeatable')),\n"
                        + "  script text NOT NULL,\n"
                        + "  checksum text NOT NULL,\n"
                        + "  applied_at timestamptz NOT NULL DEFAULT now(),\n"
                        + "  duration_ms bigint NOT NULL,\n"
                        + "  success boolean NOT NULL\n"
                        + ")",
                "CREATE TABLE t (id int)",
                "INSERT INTO driftless_schema_history (version, description, type, script, checksum, duration_ms,"
                        + " success) VALUES ('1', 'table', 'versioned', '1_table.sql', '"
                        + chain.migrations().get(0).checksum() + "', 3, true), ('2', 'index', 'versioned',"
                        + " '2_index.sql', '" + chain.migrations().get(1).checksum() + "', 5, false)");
        Migrator migrator = Migrator.of(chain, db);

        List<AppliedMigration> rows = migrator.history();
        assertThat(rows).extracting(AppliedMigration::state).containsExactly(State.APPLIED, State.FAILED);
        assertThat(rows).extracting(AppliedMigration::duration)
                .containsExactly(Duration.ofMillis(3), Duration.ofMillis(5));
        assertThat(migrator.currentVersion().toString()).isEqualTo("1");
        assertThatThrownBy(migrator::migrateToLatest)
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("The history table " + HISTORY + " of database " + db.name() + " records a"
                        + " migration that ran outside a transaction and did not finish cleanly, so migrating on could"
                        + " build on a half-done one. Nothing was changed.\n"
                        + "  - migration 2 index (2_index.sql) failed part-way (it ran at " + at(rows.get(1)) + ")");
        assertThat(columns()).as("refusing changes nothing, not even the table's columns")
                .isEqualTo("installed_rank, version, description, type, script, checksum, applied_at, duration_ms,"
                        + " success");

        execute("DELETE FROM driftless_schema_history WHERE installed_rank = 2");
        MigrationResult result = migrator.migrate(MigrationVersion.parse("3"));
        assertThat(result.from().toString()).isEqualTo("1");
        assertThat(result.applied()).extracting(m -> m.version().toString()).containsExactly("2", "3");
        assertThat(columns()).isEqualTo("installed_rank, version, description, type, script, checksum, applied_at,"
                + " duration_ms, success, state");
        assertThat(query("SELECT string_agg(version || ' ' || coalesce(state, 'NULL'), ', ' ORDER BY installed_rank)"
                + " FROM driftless_schema_history")).isEqualTo("1 NULL, 2 applied, 3 applied");
        assertThat(migrator.history()).extracting(AppliedMigration::state)
                .containsExactly(State.APPLIED, State.APPLIED, State.APPLIED);
    }

    private static MigrationChain chain(Migration... migrations) {
        return MigrationChain.of("in code", List.of(migrations), List.of());
    }

    private static Migration migration(String version, String description, String sql) {
        return Migration.of(MigrationVersion.parse(version), description,
                SqlScript.of(version + "_" + description + ".sql", sql), null);
    }

    private static String at(AppliedMigration row) {
        return DateTimeFormatter.ISO_INSTANT.format(row.appliedAt().truncatedTo(ChronoUnit.SECONDS));
    }

    private Process startChild(Path output) throws IOException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                MigrateInChildMain.class.getName(), db.name(), db.host(), Integer.toString(db.port()), db.user()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("DRIFTLESS_TEST_PASSWORD", db.password());
        return builder.start();
    }

    /** @return how many other sessions of the database match a condition on pg_stat_activity */
    private int backends(String condition) {
        try {
            return Integer.parseInt(query("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND pid <> pg_backend_pid() AND " + condition));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what, Path output)
            throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Gave up waiting for " + what + "; the child wrote:\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            Thread.sleep(100);
        }
    }

    private String columns() throws SQLException {
        return query("SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns"
                + " WHERE table_name = 'driftless_schema_history'");
    }

    private void execute(String... statements) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    private String query(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

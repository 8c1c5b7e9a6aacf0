package dev.driftless.migration;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.SqlScript;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigratorTest {

    private static final String CUSTOMER_AND_ORDERS = "column customer.id, column customer.name, column orders.customer_id,"
            + " column orders.id, index customer_pkey, index orders_pkey";

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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "numbered | 010            | column customer.email, " + CUSTOMER_AND_ORDERS + ", index orders_customer_idx",
        "flyway   | 2              | column customer.email, column customer.phone, column customer_names.name, "
                + CUSTOMER_AND_ORDERS + ", index orders_customer_idx, view customer_names",
        "golang   | 10             | column customer.email, " + CUSTOMER_AND_ORDERS,
        "diesel   | 2019-01-03-000000 | " + CUSTOMER_AND_ORDERS + ", function diesel_noop, index orders_customer_idx",
        "dbmate   | 20240103120000 | " + CUSTOMER_AND_ORDERS + ", index orders_customer_idx",
        "sqitch   | 3              | column customer.email, " + CUSTOMER_AND_ORDERS,
    })
    void migratesUpDownAndUpAgain(String layout, String latest, String unsortedSchema) throws SQLException {
        String latestSchema = java.util.Arrays.stream(unsortedSchema.split(", ")).sorted()
                .collect(java.util.stream.Collectors.joining(", "));
        MigrationChain chain = MigrationChain.at("classpath:migrations/" + layout);
        Migrator migrator = Migrator.of(chain, db);

        assertThat(migrator.currentVersion()).isEqualTo(MigrationVersion.EMPTY);
        assertThat(migrator.migrateToLatest()).isEqualTo(MigrationVersion.parse(latest));
        assertThat(migrator.currentVersion().toString()).isEqualTo(latest);
        assertThat(schema()).isEqualTo(latestSchema);
        assertThat(migrator.history()).filteredOn(r -> !r.repeatable()).extracting(r -> r.version().toString())
                .containsExactlyElementsOf(chain.migrations().stream().map(m -> m.version().toString()).toList());
        assertThat(migrator.history()).allSatisfy(r -> assertThat(r.success()).isTrue());

        assertThat(migrator.migrateTo(MigrationVersion.EMPTY)).isEqualTo(MigrationVersion.EMPTY);
        assertThat(schema()).isEmpty();
        assertThat(migrator.history()).isEmpty();

        migrator.migrateToLatest();
        assertThat(schema()).isEqualTo(latestSchema);
        assertThat(migrator.currentVersion()).isEqualTo(MigrationVersion.parse(latest));
    }

    @Test
    void migratesToAVersionInBetweenBothWays() throws SQLException {
        Migrator migrator = Migrator.of(MigrationChain.at("classpath:migrations/numbered"), db);
        assertThat(migrator.migrateTo("2").toString()).isEqualTo("002");
        assertThat(schema()).isEqualTo(CUSTOMER_AND_ORDERS);
        migrator.migrateToLatest();
        assertThat(migrator.migrateTo("002").toString()).isEqualTo("002");
        assertThat(schema()).isEqualTo(CUSTOMER_AND_ORDERS);
        assertThat(migrator.history()).extracting(AppliedMigration::description).containsExactly("initial", "orders");
        assertThat(migrator.history()).extracting(AppliedMigration::script).containsExactly(
                "classpath:migrations/numbered/001_initial.sql", "classpath:migrations/numbered/002_orders.sql");
        assertThat(migrator.migrateTo("2").toString()).isEqualTo("002");
    }

    @Test
    void historyRowsHoldVersionDescriptionChecksumTimeAndDuration() throws SQLException {
        MigrationChain chain = MigrationChain.at("classpath:migrations/golang");
        Migrator migrator = Migrator.of(chain, db);
        migrator.migrateTo("2");
        List<AppliedMigration> history = migrator.history();
        assertThat(history).hasSize(2);
        AppliedMigration first = history.get(0);
        assertThat(first.rank()).isEqualTo(1);
        assertThat(first.version().toString()).isEqualTo("1");
        assertThat(first.description()).isEqualTo("init");
        assertThat(first.checksum()).isEqualTo(chain.migrations().get(0).checksum()).hasSize(64);
        assertThat(first.appliedAt()).isBefore(java.time.Instant.now().plusSeconds(1));
        assertThat(first.duration().isNegative()).isFalse();
        assertThat(first.repeatable()).isFalse();
        assertThat(query("SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns"
                + " WHERE table_name = 'driftless_schema_history'"))
                .isEqualTo("installed_rank, version, description, type, script, checksum, applied_at, duration_ms,"
                        + " success, state");
        assertThat(first.state()).isEqualTo(AppliedMigration.State.APPLIED);
    }

    @Test
    void historyTableNameIsConfigurable() throws SQLException {
        Migrator migrator = Migrator.of(MigrationChain.at("classpath:migrations/golang"), db)
                .withHistoryTable("schema_migrations");
        migrator.migrateToLatest();
        assertThat(query("SELECT count(*) FROM schema_migrations")).isEqualTo("3");
        assertThat(query("SELECT to_regclass('driftless_schema_history') IS NULL")).isEqualTo("t");
        assertThat(migrator.currentVersion().toString()).isEqualTo("10");
        assertThatThrownBy(() -> migrator.withHistoryTable("a.b.c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'a.b.c' is not a history table name: write table or schema.table, e.g."
                        + " driftless_schema_history or app.schema_history");
    }

    @Test
    void repeatableMigrationsRunAfterVersionedOnesWhenChanged() throws SQLException {
        Migrator migrator = Migrator.of(MigrationChain.at("classpath:migrations/flyway"), db);
        migrator.migrateTo("1.1");
        List<AppliedMigration> history = migrator.history();
        assertThat(history).extracting(r -> r.repeatable() ? "R " + r.description() : r.version().toString())
                .containsExactly("1", "1.1", "R views");
        int repeatableRank = history.get(2).rank();
        migrator.migrateToLatest();
        assertThat(migrator.history()).filteredOn(AppliedMigration::repeatable)
                .extracting(AppliedMigration::rank).containsExactly(repeatableRank);

        SqlScript changedView = SqlScript.of("R__views.sql",
                "CREATE OR REPLACE VIEW customer_names AS SELECT name, id FROM customer;");
        MigrationChain changed = MigrationChain.of("changed view", MigrationChain.at("classpath:migrations/flyway")
                .migrations(), List.of(RepeatableMigration.of("views", changedView)));
        Migrator.of(changed, db).migrateToLatest();
        assertThat(migrator.history()).filteredOn(AppliedMigration::repeatable)
                .extracting(AppliedMigration::checksum).containsExactly(changedView.checksum());
        assertThat(query("SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns"
                + " WHERE table_name = 'customer_names'")).isEqualTo("name, id");
    }

    @Test
    void masterSchemaIsAOneStepChain() throws SQLException {
        MigrationChain chain = MigrationChain.at("classpath:migrations/master/schema.sql");
        assertThat(chain.layout()).contains(Layout.MASTER_SCHEMA);
        assertThat(chain.migrations()).extracting(Migration::description).containsExactly("schema");
        MigrationChain same = MigrationChain.ofMasterSchema(SqlScript.at("classpath:migrations/master/schema.sql"));
        assertThat(same.migrations().get(0).checksum()).isEqualTo(chain.migrations().get(0).checksum());
        Migrator migrator = Migrator.of(same, db.dataSource());
        assertThat(migrator.migrateToLatest().toString()).isEqualTo("1");
        assertThat(schema()).isEqualTo(CUSTOMER_AND_ORDERS);
    }

    @Test
    void anErrorOnLine37ReportsLine37AndLeavesTheDatabaseAtThePreviousVersion() throws SQLException {
        Migrator migrator = Migrator.of(MigrationChain.at("classpath:migrations/errors/line37"), db);
        assertThatThrownBy(migrator::migrateToLatest)
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("The migration 002 orders (classpath:migrations/errors/line37/002_orders.sql)"
                        + " failed and was rolled back; database " + db.name() + " stays at version 001.\n"
                        + "classpath:migrations/errors/line37/002_orders.sql:37:")
                .hasMessageContaining("[42601] syntax error at or near \"NUL\"")
                .hasMessageContaining("37 | ALTER TABLE orders ADD COLUMN total numeric NOT NUL;");
        assertThat(migrator.currentVersion().toString()).isEqualTo("001");
        assertThat(migrator.history()).extracting(r -> r.version().toString()).containsExactly("001");
        assertThat(schema()).isEqualTo("column customer.id, column customer.name, index customer_pkey");
        assertThat(query("SELECT count(*) FROM customer")).isEqualTo("0");
    }

    @Test
    void aDatabaseLabelStandsForTheNameInMessages() {
        Migrator migrator = Migrator.of(MigrationChain.at("classpath:migrations/errors/line37"), db)
                .withDatabaseLabel("the check's database");
        assertThatThrownBy(migrator::migrateToLatest)
                .isInstanceOf(MigrationException.class)
                .hasMessage("""
                        The migration 002 orders (classpath:migrations/errors/line37/002_orders.sql) failed and was \
                        rolled back; the check's database stays at version 001.
                        classpath:migrations/errors/line37/002_orders.sql:37:49 [42601] syntax error at or near "NUL"
                          37 | ALTER TABLE orders ADD COLUMN total numeric NOT NUL;
                             |                                                 ^""");

        Migrator noDown = Migrator.of(MigrationChain.at("classpath:migrations/errors/no-down"), db)
                .withHistoryTable("no_down_history").withDatabaseLabel("the scratch database");
        noDown.migrateToLatest();
        assertThatThrownBy(() -> noDown.migrateTo("1"))
                .isInstanceOf(MigrationException.class)
                .hasMessage("Cannot migrate the scratch database down from version 003 to 1: migration 002 keep"
                        + " (classpath:migrations/errors/no-down/002_keep.sql) has no down script. Nothing was changed:"
                        + " add the missing down script(s), or migrate down only to a version above them.");
        assertThatThrownBy(() -> migrator.withDatabaseLabel(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A database label must not be blank; leave it out to name the database in messages");
    }

    @Test
    void dbmateSectionsReportTheFilesLineNumbers() {
        Migrator migrator = Migrator.of(MigrationChain.at("classpath:migrations/errors/dbmate-line"), db);
        assertThatThrownBy(migrator::migrateToLatest)
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("classpath:migrations/errors/dbmate-line/20240101000000_broken.sql:12:")
                .hasMessageContaining("[22012] division by zero");
        assertThat(migrator.currentVersion()).isEqualTo(MigrationVersion.EMPTY);
    }

    @Test
    void migratingDownPastAMigrationWithoutDownScriptFailsBeforeChangingAnything() throws SQLException {
        Migrator migrator = Migrator.of(MigrationChain.at("classpath:migrations/errors/no-down"), db);
        migrator.migrateToLatest();
        assertThatThrownBy(() -> migrator.migrateTo("1"))
                .isInstanceOf(MigrationException.class)
                .hasMessage("Cannot migrate database " + db.name() + " down from version 003 to 1: migration 002 keep"
                        + " (classpath:migrations/errors/no-down/002_keep.sql) has no down script. Nothing was changed:"
                        + " add the missing down script(s), or migrate down only to a version above them.");
        assertThat(migrator.currentVersion().toString()).isEqualTo("003");
        assertThat(query("SELECT to_regclass('c') IS NOT NULL")).isEqualTo("t");
        assertThat(migrator.migrateTo("2").toString()).isEqualTo("002");
        assertThat(query("SELECT to_regclass('c') IS NULL")).isEqualTo("t");
    }

    @Test
    void prismaChainsCannotGoDown() {
        Migrator migrator = Migrator.of(MigrationChain.at("classpath:migrations/prisma"), db);
        assertThat(migrator.migrateToLatest().toString()).isEqualTo("20240102120000");
        assertThatThrownBy(() -> migrator.migrateTo(MigrationVersion.EMPTY))
                .isInstanceOf(MigrationException.class)
                .hasMessage("Cannot migrate database " + db.name() + " down from version 20240102120000 to <empty>:"
                        + " migration 20240102120000 orders (classpath:migrations/prisma/20240102120000_orders/"
                        + "migration.sql) has no down script; migration 20240101120000 init"
                        + " (classpath:migrations/prisma/20240101120000_init/migration.sql) has no down script."
                        + " Nothing was changed: add the missing down script(s), or migrate down only to a version"
                        + " above them.");
        assertThat(migrator.currentVersion().toString()).isEqualTo("20240102120000");
    }

    @Test
    void aTargetOutsideTheChainIsRefused() {
        Migrator migrator = Migrator.of(MigrationChain.at("classpath:migrations/golang"), db);
        assertThatThrownBy(() -> migrator.migrateTo("3"))
                .isInstanceOf(MigrationException.class)
                .hasMessage("No migration has version 3 in the chain at 'classpath:migrations/golang'; its versions"
                        + " are: 1, 2, 10. Use one of them, or MigrationVersion.EMPTY to revert everything.");
    }

    @Test
    void aFailedNonTransactionalMigrationIsRecordedAndBlocksFurtherMigrations() throws SQLException {
        MigrationChain chain = MigrationChain.of("in code", List.of(
                Migration.of(MigrationVersion.parse("1"), "table", SqlScript.of("1_table.sql",
                        "CREATE TABLE t (id int);"), null),
                Migration.of(MigrationVersion.parse("2"), "index", SqlScript.of("2_index.sql",
                        "CREATE TABLE u (id int);\nCREATE INDEX CONCURRENTLY u_idx ON missing (id);"), null)),
                List.of());
        assertThat(chain.migrations().get(1).isTransactional()).isFalse();
        Migrator migrator = Migrator.of(chain, db);
        String history = "\"public\".\"driftless_schema_history\"";
        assertThatThrownBy(migrator::migrateToLatest)
                .isInstanceOf(MigrationException.class)
                .hasMessage("The migration 2 index (2_index.sql) failed part-way. It ran outside a transaction (CREATE"
                        + " INDEX CONCURRENTLY at 2_index.sql:2 cannot run inside a transaction block), so what it had"
                        + " done when it failed stays:\n"
                        + "  - committed: 2_index.sql:1 CREATE TABLE u (id int)\n"
                        + "The history table " + history + " records it as failed (success = false, state = failed) and"
                        + " database " + db.name() + " counts as being at version 1. Undo or finish those changes by"
                        + " hand, delete its row (DELETE FROM " + history + " WHERE installed_rank = 2;), then migrate"
                        + " again.\n"
                        + "2_index.sql:2:1 [42P01] relation \"missing\" does not exist\n"
                        + "  2 | CREATE INDEX CONCURRENTLY u_idx ON missing (id);");
        assertThat(migrator.currentVersion().toString()).isEqualTo("1");
        assertThat(migrator.history()).extracting(AppliedMigration::success).containsExactly(true, false);
        String ranAt = java.time.format.DateTimeFormatter.ISO_INSTANT.format(
                migrator.history().get(1).appliedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThatThrownBy(migrator::migrateToLatest)
                .isInstanceOf(MigrationException.class)
                .hasMessage("The history table " + history + " of database " + db.name() + " records a migration that"
                        + " ran outside a transaction and did not finish cleanly, so migrating on could build on a"
                        + " half-done one. Nothing was changed.\n"
                        + "  - migration 2 index (2_index.sql) failed part-way (it ran at " + ranAt + "), so the"
                        + " statements before the failing one stay applied; its statements:\n"
                        + "      2_index.sql:1 CREATE TABLE u (id int)\n"
                        + "      2_index.sql:2 CREATE INDEX CONCURRENTLY u_idx ON missing (id)\n"
                        + "To repair: check which of those statements took effect and undo or finish them by hand,"
                        + " then delete the row (DELETE FROM " + history + " WHERE installed_rank = 2;) and migrate"
                        + " again.");
    }

    @Test
    void aChainOfHundredsOfMigrations() throws SQLException {
        List<Migration> migrations = new java.util.ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            migrations.add(Migration.of(MigrationVersion.parse(Integer.toString(i)), "column " + i,
                    SqlScript.of(i + "_up.sql", i == 1 ? "CREATE TABLE wide (c1 int);" : "ALTER TABLE wide ADD COLUMN c"
                            + i + " int;"),
                    SqlScript.of(i + "_down.sql", i == 1 ? "DROP TABLE wide;" : "ALTER TABLE wide DROP COLUMN c" + i + ";")));
        }
        java.util.Collections.shuffle(migrations);
        Migrator migrator = Migrator.of(MigrationChain.of("wide", migrations, List.of()), db);
        assertThat(migrator.migrateToLatest().toString()).isEqualTo("300");
        assertThat(query("SELECT count(*) FROM information_schema.columns WHERE table_name = 'wide'")).isEqualTo("300");
        assertThat(migrator.migrateTo("150").toString()).isEqualTo("150");
        assertThat(query("SELECT count(*) FROM information_schema.columns WHERE table_name = 'wide'")).isEqualTo("150");
        assertThat(migrator.history()).hasSize(150);
    }

    @Test
    void concurrentMigratorsOfOneDatabaseWaitForEachOther() throws Exception {
        MigrationChain chain = MigrationChain.at("classpath:migrations/golang");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<MigrationVersion>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                results.add(pool.submit(() -> Migrator.of(chain, db).migrateToLatest()));
            }
            for (java.util.concurrent.Future<MigrationVersion> result : results) {
                assertThat(result.get().toString()).isEqualTo("10");
            }
        } finally {
            pool.shutdown();
        }
        assertThat(Migrator.of(chain, db).history()).extracting(r -> r.version().toString())
                .containsExactly("1", "2", "10");
    }

    @Test
    void chainsBuiltInCodeRejectDuplicateVersions() {
        assertThatThrownBy(() -> MigrationChain.of("in code", List.of(
                Migration.of(MigrationVersion.parse("4"), "a", SqlScript.of("004_a.sql", "SELECT 1;"), null),
                Migration.of(MigrationVersion.parse("4.0"), "b", SqlScript.of("004_b.sql", "SELECT 1;"), null)),
                List.of()))
                .isInstanceOf(MigrationException.class)
                .hasMessage("The migration chain 'in code' is invalid:\n  - two migrations have version 4.0: 004_a.sql,"
                        + " 004_b.sql");
    }

    private String schema() throws SQLException {
        String result = query("SELECT coalesce(string_agg(x, ', ' ORDER BY x COLLATE \"C\"), '') FROM ("
                + " SELECT 'column ' || table_name || '.' || column_name AS x FROM information_schema.columns"
                + "  WHERE table_schema = 'public' AND table_name <> 'driftless_schema_history'"
                + " UNION ALL SELECT 'index ' || indexname FROM pg_indexes"
                + "  WHERE schemaname = 'public' AND tablename <> 'driftless_schema_history'"
                + " UNION ALL SELECT 'view ' || table_name FROM information_schema.views WHERE table_schema = 'public'"
                + " UNION ALL SELECT 'function ' || proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace"
                + ") s");
        return result;
    }

    private String query(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

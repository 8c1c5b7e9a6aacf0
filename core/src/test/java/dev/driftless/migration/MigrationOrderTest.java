package dev.driftless.migration;

import dev.driftless.server.Database;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.SqlScript;
import dev.driftless.testing.TestServers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a run may apply, and what it says it did: pending migrations below the highest applied version (refused unless
 * out of order is allowed), applied migrations the chain lacks (refused unless allowed), and results that count only
 * this run's work, also when runs wait for each other.
 */
class MigrationOrderTest {

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
    void aMigrationAddedBelowTheHighestAppliedVersionIsRefusedBeforeAnythingChanges() throws SQLException {
        Migrator.of(chain(a(), c()), db).migrateToLatest();
        Migrator migrator = Migrator.of(chain(a(), b(), c()), db);
        assertThatThrownBy(migrator::migrateToLatest)
                .isInstanceOf(MigrationException.class)
                .hasMessage("Cannot migrate database " + db.name() + " to version 003: migration 002 b (002_b.sql) is"
                        + " not applied, but version 003 is, which is higher: applying 002 now would run it out of"
                        + " order, after 003. Nothing was changed. If 002 belongs after 003, give it a version above"
                        + " 003; to apply it anyway, allow out-of-order migrations (Migrator.withOutOfOrder(true), or"
                        + " driftless migrate --out-of-order).")
                .satisfies(e -> assertThat(((MigrationException) e).completed()).hasValueSatisfying(done -> {
                    assertThat(done.didNothing()).isTrue();
                    assertThat(done.from().toString()).isEqualTo("003");
                }));
        assertThat(versions(migrator)).containsExactly("001", "003");
        assertThat(query("SELECT to_regclass('b') IS NULL")).isEqualTo("t");

        MigrationResult result = migrator.withOutOfOrder(true).migrate(MigrationVersion.parse("003"));
        assertThat(result.from().toString()).isEqualTo("003");
        assertThat(result.reached().toString()).isEqualTo("003");
        assertThat(result.applied()).extracting(m -> m.version().toString()).containsExactly("002");
        assertThat(versions(migrator)).containsExactly("001", "003", "002");
        assertThat(query("SELECT to_regclass('b') IS NOT NULL")).isEqualTo("t");
    }

    @Test
    void outOfOrderAppliesEveryPendingMigrationInVersionOrder() {
        Migrator.of(chain(a(), c()), db).migrateToLatest();
        Migration d = migration("004", "d", "CREATE TABLE d (id int);");
        Migration b2 = migration("002.5", "b2", "CREATE TABLE b2 (id int);");
        Migrator refusing = Migrator.of(chain(a(), b(), b2, c(), d), db);
        assertThatThrownBy(refusing::migrateToLatest)
                .isInstanceOf(MigrationException.class)
                .hasMessage("Cannot migrate database " + db.name() + " to version 004: migrations 002 b (002_b.sql),"
                        + " 002.5 b2 (002.5_b2.sql) are not applied, but version 003 is, which is higher: applying"
                        + " 002, 002.5 now would run them out of order, after 003. Nothing was changed. If 002, 002.5"
                        + " belong after 003, give them versions above 003; to apply them anyway, allow out-of-order"
                        + " migrations (Migrator.withOutOfOrder(true), or driftless migrate --out-of-order).");
        assertThat(versions(refusing)).containsExactly("001", "003");

        MigrationResult result = refusing.withOutOfOrder(true).migrate(MigrationVersion.parse("004"));
        assertThat(result.applied()).extracting(m -> m.version().toString()).containsExactly("002", "002.5", "004");
        assertThat(result.from().toString()).isEqualTo("003");
        assertThat(result.reached().toString()).isEqualTo("004");
        assertThat(versions(refusing)).containsExactly("001", "003", "002", "002.5", "004");
    }

    @Test
    void migratingDownBelowTheHigherVersionFirstAppliesTheNewMigrationInOrder() {
        Migration c = Migration.of(MigrationVersion.parse("003"), "c", SqlScript.of("003_c.sql",
                "CREATE TABLE c (id int);"), SqlScript.of("003_c.down.sql", "DROP TABLE c;"));
        Migrator.of(chain(a(), c), db).migrateToLatest();
        MigrationResult result = Migrator.of(chain(a(), b(), c), db).migrate(MigrationVersion.parse("002"));
        assertThat(result.reverted()).extracting(m -> m.version().toString()).containsExactly("003");
        assertThat(result.applied()).extracting(m -> m.version().toString()).containsExactly("002");
        assertThat(result.from().toString()).isEqualTo("003");
        assertThat(result.reached().toString()).isEqualTo("002");
    }

    @Test
    void anAppliedMigrationMissingFromTheChainIsRefusedUnlessAllowed() throws SQLException {
        Migrator.of(chain(a(), b(), c()), db).migrateToLatest();
        Migration d = migration("004", "d", "CREATE TABLE d (id int);");
        Migrator migrator = Migrator.of(chain(a(), c(), d), db);
        assertThatThrownBy(migrator::migrateToLatest)
                .isInstanceOf(MigrationException.class)
                .hasMessage("The history table " + HISTORY + " of database " + db.name() + " records an applied"
                        + " migration that the chain at 'in code' does not have: 002 b (002_b.sql). Nothing was"
                        + " changed. Check that this chain belongs to this database, and put the missing file back; if"
                        + " it was removed on purpose, allow missing migrations"
                        + " (Migrator.withIgnoreMissingMigrations(true), or driftless migrate --ignore-missing).");
        assertThat(query("SELECT to_regclass('d') IS NULL")).isEqualTo("t");

        MigrationResult result = migrator.withIgnoreMissingMigrations(true).migrate(MigrationVersion.parse("004"));
        assertThat(result.applied()).extracting(m -> m.version().toString()).containsExactly("004");
        assertThat(versions(migrator)).containsExactly("001", "002", "003", "004");

        Migrator shorter = Migrator.of(chain(a(), c()), db).withIgnoreMissingMigrations(true);
        assertThatThrownBy(shorter::migrateToLatest)
                .isInstanceOf(MigrationException.class)
                .hasMessage("Cannot migrate database " + db.name() + " down from version 004 to 003: version 004"
                        + " (004_d.sql) is applied but the chain has no migration with that version. Nothing was"
                        + " changed: put the missing migration(s) back in the chain, add the missing down script(s),"
                        + " or migrate down only to a version above them.");
        assertThat(versions(migrator)).containsExactly("001", "002", "003", "004");
    }

    /**
     * Three runs on three connections at once: the first applies everything while the others wait for the lock; they
     * then find the work done, and their results say so, read after they took the lock.
     */
    @Test
    void concurrentRunsEachReportOnlyTheirOwnWork() throws Exception {
        MigrationChain chain = chain(migration("001", "slow", "SELECT pg_sleep(1);\nCREATE TABLE a (id int);"), b());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<MigrationResult> results = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<MigrationResult>> futures = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return Migrator.of(chain, db).migrate(chain.latestVersion());
                }));
            }
            start.countDown();
            for (Future<MigrationResult> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(results).filteredOn(r -> !r.didNothing()).singleElement().satisfies(r -> {
            assertThat(r.from()).isEqualTo(MigrationVersion.EMPTY);
            assertThat(r.applied()).extracting(m -> m.version().toString()).containsExactly("001", "002");
        });
        assertThat(results).filteredOn(MigrationResult::didNothing).hasSize(2).allSatisfy(r -> {
            assertThat(r.from().toString()).isEqualTo("002");
            assertThat(r.reached().toString()).isEqualTo("002");
        });
        assertThat(versions(Migrator.of(chain, db))).containsExactly("001", "002");
    }

    private static Migration a() {
        return migration("001", "a", "CREATE TABLE a (id int);");
    }

    private static Migration b() {
        return migration("002", "b", "CREATE TABLE b (id int);");
    }

    private static Migration c() {
        return migration("003", "c", "CREATE TABLE c (id int);");
    }

    private static Migration migration(String version, String description, String sql) {
        return Migration.of(MigrationVersion.parse(version), description,
                SqlScript.of(version + "_" + description + ".sql", sql), null);
    }

    private static MigrationChain chain(Migration... migrations) {
        return MigrationChain.of("in code", List.of(migrations), List.of());
    }

    private static List<String> versions(Migrator migrator) {
        return migrator.history().stream().map(r -> r.version().toString()).toList();
    }

    private String query(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

package dev.driftless.examples.trading;

import dev.driftless.examples.ExampleDatabases;
import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.MigrationException;
import dev.driftless.migration.Migrator;
import dev.driftless.schema.SchemaDiff;
import dev.driftless.server.Database;
import dev.driftless.sql.SqlScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Trading: {@code schema.sql} is the source of truth; numbered migrations manage their own transactions
 * ({@code BEGIN; ... COMMIT;}) and record themselves in their own {@code schema_migrations} table. Migration 002
 * renames a column, 003 backfills a new one, 004 refuses to add a foreign key while orphaned trades exist.
 */
class TradingTest {

    static final MigrationChain MIGRATIONS = MigrationChain.at("classpath:trading/migrations");

    private final List<Database> databases = new ArrayList<>();

    @AfterEach
    void drop() {
        databases.forEach(ExampleDatabases::drop);
    }

    @Test
    void schemaSqlEqualsTheMigrations() {
        SchemaDiff diff = ExampleDatabases.diff(keep(ExampleDatabases.fromScript(SqlScript.at("classpath:trading/schema.sql"))),
                keep(ExampleDatabases.migrated(MIGRATIONS)));

        assertThat(diff.isEmpty()).as(diff.toText()).isTrue();
    }

    @Test
    void driftBetweenSchemaSqlAndTheMigrationsIsShown() {
        Database drifted = keep(ExampleDatabases.fromScript(SqlScript.at("classpath:trading/broken/schema_drifted.sql")));

        SchemaDiff diff = ExampleDatabases.diff(drifted, keep(ExampleDatabases.migrated(MIGRATIONS)));

        assertThat(diff.toText()).isEqualTo("""
                1 difference (1 structure)
                table trade: column notional: not null false → true
                """);
    }

    @Test
    void theRenameAndTheBackfillPreserveData() throws SQLException {
        Database db = keep(ExampleDatabases.server().createDatabase());
        Migrator migrator = Migrator.of(MIGRATIONS, db);
        migrator.migrateTo("001");
        execute(db, """
                INSERT INTO account (code, owner_name) VALUES ('ACC-1', 'Northwind Capital');
                INSERT INTO instrument (symbol, kind) VALUES ('ACME', 'equity'), ('ESZ5', 'future');
                INSERT INTO trade (account_id, instrument_id, side, qty, price, executed_at) VALUES
                    (1, 1, 'B', 100, 12.50, '2025-01-06 14:30Z'),
                    (1, 2, 'S', 2.5, 6010.25, '2025-01-06 15:00Z');
                """);

        migrator.migrateTo("003");

        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT quantity, notional FROM trade ORDER BY trade_id")) {
            rs.next();
            assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("100");
            assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("1250");
            rs.next();
            assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("2.5");
            assertThat(rs.getBigDecimal(2)).isEqualByComparingTo(new BigDecimal("15025.625"));
        }
        assertThat(single(db, "SELECT string_agg(version, ',' ORDER BY version) FROM schema_migrations"))
                .isEqualTo("001,002,003");
    }

    @Test
    void orphanedTradesStopTheForeignKeyWithAClearMessage() throws SQLException {
        Database db = keep(ExampleDatabases.server().createDatabase());
        Migrator migrator = Migrator.of(MIGRATIONS, db);
        migrator.migrateTo("003");
        execute(db, """
                INSERT INTO account (code, owner_name) VALUES ('ACC-1', 'Northwind Capital');
                INSERT INTO instrument (symbol, kind) VALUES ('ACME', 'equity');
                INSERT INTO trade (account_id, instrument_id, side, quantity, price, executed_at, notional)
                    VALUES (1, 1, 'B', 10, 1, now(), 10), (42, 1, 'S', 5, 1, now(), 5);
                """);

        assertThatThrownBy(() -> migrator.migrateTo("004"))
                .isInstanceOf(MigrationException.class)
                .hasMessageContaining("trading/migrations/004_trade_account_fk.sql:")
                .hasMessageContaining("[P0001] trade has 1 row(s) whose account does not exist");
        assertThat(migrator.currentVersion().toString()).isEqualTo("003");
        assertThat(single(db, "SELECT count(*) FROM pg_constraint WHERE conname = 'trade_account_id_fkey'")).isEqualTo("0");

        // 004 manages its own transaction (BEGIN; ... COMMIT;), so Driftless recorded it as failed and asks a person
        // to look before migrating that database again. Its transaction was rolled back: repair the data, clear the row.
        execute(db, "DELETE FROM trade WHERE account_id = 42; "
                + "DELETE FROM driftless_schema_history WHERE NOT success");
        migrator.migrateTo("004");
        assertThat(single(db, "SELECT count(*) FROM pg_constraint WHERE conname = 'trade_account_id_fkey'")).isEqualTo("1");
    }

    private Database keep(Database db) {
        databases.add(db);
        return db;
    }

    private static void execute(Database db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String single(Database db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

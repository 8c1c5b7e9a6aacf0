package dev.driftless.examples.trading;

import dev.driftless.junit.MigratedDatabase;
import dev.driftless.junit.TestDatabase;
import dev.driftless.migration.AppliedMigration;
import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.MigrationException;
import dev.driftless.migration.Migrator;
import dev.driftless.seed.Fixture;
import dev.driftless.seed.Seeder;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.SqlScript;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static dev.driftless.assertions.DriftlessAssertions.assertThat;
import static dev.driftless.assertions.DriftlessAssertions.assertThatMigrations;
import static dev.driftless.assertions.DriftlessAssertions.row;
import static dev.driftless.assertions.DriftlessAssertions.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Trading: {@code schema.sql} is the source of truth; numbered migrations manage their own transactions
 * ({@code BEGIN; ... COMMIT;}) and record themselves in their own {@code schema_migrations} table. Migration 002
 * renames a column, 003 backfills a new one, 004 refuses to add a foreign key while orphaned trades exist.
 * Each test starts at version 001, where the legacy trades were imported, and moves on with the {@link Migrator}.
 */
@MigratedDatabase(migrations = "classpath:trading/migrations", target = "001")
class TradingTest {

    static final MigrationChain MIGRATIONS = MigrationChain.at("classpath:trading/migrations");

    /** Trades as version 001 stores them: {@code qty}, no {@code notional}. */
    static final Fixture TRADES_AT_001 = Fixture.parse("trades.yml", """
            account:
              - {_alias: northwind, code: ACC-1, owner_name: Northwind Capital}
            instrument:
              - {_alias: acme, symbol: ACME, kind: equity}
              - {_alias: es, symbol: ESZ5, kind: future}
            trade:
              - {account_id: "$ref:northwind", instrument_id: "$ref:acme", side: B, qty: 100, price: 12.50,
                 executed_at: "2025-01-06T14:30:00Z"}
              - {account_id: "$ref:northwind", instrument_id: "$ref:es", side: S, qty: 2.5, price: 6010.25,
                 executed_at: "2025-01-06T15:00:00Z"}
            """);

    @Test
    void schemaSqlEqualsTheMigrations(PostgresServer server) {
        // schema_migrations is the chain's own bookkeeping: both build it alike, so it is compared like any table.
        assertThatMigrations(MIGRATIONS).on(server).produceSameSchemaAs(SqlScript.at("classpath:trading/schema.sql"));
    }

    @Test
    void driftBetweenSchemaSqlAndTheMigrationsIsShown(PostgresServer server) {
        SqlScript drifted = SqlScript.at("classpath:trading/broken/schema_drifted.sql");

        assertThatThrownBy(() -> assertThatMigrations(MIGRATIONS).on(server).produceSameSchemaAs(drifted))
                .hasMessage("""

                        Expecting actual:
                          migration chain classpath:trading/migrations migrated to 004
                        to produce the same schema as:
                          classpath:trading/broken/schema_drifted.sql
                        but found (classpath:trading/broken/schema_drifted.sql → migrated chain):
                          1 difference (1 structure)
                          table trade: column notional: not null false → true
                        HTML report: target/driftless/produceSameSchemaAs-classpath_trading_migrations.html""");
    }

    @Test
    void theDataMigrationKeepsEveryTrade(PostgresServer server) {
        assertThatMigrations(MIGRATIONS).on(server).fromVersion("001").preserveData(TRADES_AT_001);
    }

    @Test
    void theRenameAndTheBackfillKeepTheValues(Seeder seed, Migrator migrator, DataSource dataSource) {
        seed.load(TRADES_AT_001);

        migrator.migrateTo("003");

        assertThat(table(dataSource, "trade")).containsExactlyRowsInOrder(
                row("quantity", 100, "price", 12.5, "notional", 1250),
                row("quantity", 2.5, "price", 6010.25, "notional", 15025.625));
        assertThat(table(dataSource, "schema_migrations")).column("version").containsExactly("001", "002", "003");
    }

    @Test
    void orphanedTradesStopTheForeignKeyWithAClearMessage(Migrator migrator, TestDatabase db) {
        migrator.migrateTo("003");
        db.execute("""
                INSERT INTO account (code, owner_name) VALUES ('ACC-1', 'Northwind Capital');
                INSERT INTO instrument (symbol, kind) VALUES ('ACME', 'equity');
                INSERT INTO trade (account_id, instrument_id, side, quantity, price, executed_at, notional)
                    VALUES (1, 1, 'B', 10, 1, now(), 10), (42, 1, 'S', 5, 1, now(), 5);
                """);

        assertThatThrownBy(() -> migrator.migrateTo("004"))
                .isInstanceOf(MigrationException.class)
                .hasMessage("""
                        The migration 004 trade account fk (classpath:trading/migrations/004_trade_account_fk.sql) failed, and nothing of it stayed applied: it ran outside a transaction (it manages its own transactions (BEGIN at classpath:trading/migrations/004_trade_account_fk.sql:2)), but no statement of it had been committed (the transaction it had open was rolled back); database %s stays at version 003.
                        classpath:trading/migrations/004_trade_account_fk.sql:3:1 [P0001] trade has 1 row(s) whose account does not exist
                          3 | DO $$
                          4 | DECLARE
                          5 |     orphans bigint;
                          6 | BEGIN
                            | ...
                        Hint: Reassign or delete them (SELECT * FROM trade WHERE account_id NOT IN (SELECT account_id FROM account)), then migrate again.
                        Where: PL/pgSQL function inline_code_block line 9 at RAISE""", db.name());
        assertThat(migrator.currentVersion().toString()).isEqualTo("003");
        assertThat(migrator.history()).allMatch(AppliedMigration::success);
        assertThat(db.snapshot()).table("trade").doesNotHaveForeignKey("account_id");

        // 004 manages its own transaction (BEGIN; ... COMMIT;), which was rolled back: nothing of it is applied and
        // nothing is recorded, so once the orphan is gone the same migration runs again.
        db.execute("DELETE FROM trade WHERE account_id = 42");
        migrator.migrateTo("004");
        assertThat(db.snapshot()).table("trade").hasForeignKey("account_id").referencing("account", "account_id");
    }
}

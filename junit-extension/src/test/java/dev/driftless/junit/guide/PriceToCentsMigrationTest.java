package dev.driftless.junit.guide;

import dev.driftless.junit.MigratedDatabase;
import dev.driftless.migration.Migrator;
import dev.driftless.seed.Seeder;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/junit.md's data migration test: seed at version 2, migrate to 3, check the backfilled column. */
@MigratedDatabase(migrations = "db/shop", target = "2")
class PriceToCentsMigrationTest {

    @Test
    void backfillsCents(Seeder seed, Migrator migrator, Connection connection) throws SQLException {
        seed.into("customer").row("alice", r -> r.set("name", "Alice"))
            .into("orders").row(r -> r.set("customer_id", Seeder.ref("alice")).set("price", "10.50"))
            .load();

        migrator.migrateTo("3");

        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT price_cents FROM orders")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1050);
        }
    }
}

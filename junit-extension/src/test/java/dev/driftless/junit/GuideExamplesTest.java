package dev.driftless.junit;

import dev.driftless.migration.Migrator;
import dev.driftless.seed.Seeder;
import org.junit.jupiter.api.Test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples of docs/junit.md, compiled and run. */
class GuideExamplesTest {

    @Test
    void examplesPass() {
        var results = Kit.run(PriceToCentsMigrationTest.class, InvoiceTest.class);

        assertThat(Kit.failures(results)).isEmpty();
        assertThat(results.testEvents().succeeded().count()).isEqualTo(2);
    }

    @FixtureClass
    @MigratedDatabase(migrations = "db/shop", target = "2")
    static class PriceToCentsMigrationTest {

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

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @MigratedDatabase(migrations = "db/flyway", format = Format.FLYWAY, seed = "fixtures/products.yml")
    @interface StudioDatabase {
    }

    @FixtureClass
    @StudioDatabase
    static class InvoiceTest {
        @Test
        void seesTheSeed(TestDatabase db) throws SQLException {
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT title FROM product")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("Guitar");
            }
        }
    }
}

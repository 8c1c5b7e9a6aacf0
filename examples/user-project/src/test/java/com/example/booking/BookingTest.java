package com.example.booking;

import dev.driftless.junit.MigratedDatabase;
import dev.driftless.migration.MigrationChain;
import dev.driftless.seed.Seeder;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.SqlScript;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static dev.driftless.assertions.DriftlessAssertions.assertThatMigrations;
import static org.assertj.core.api.Assertions.assertThat;

@MigratedDatabase(migrations = "classpath:db/migration")
class BookingTest {

    @Test
    void storesABooking(DataSource dataSource, Seeder seed) throws SQLException {
        seed.into("booking").row(r -> r.set("client", "alice").set("starts_at", "2025-01-19T10:00:00Z")).load();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM booking")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void freshInstallEqualsMigratedPath(PostgresServer server) {
        assertThatMigrations(MigrationChain.at("classpath:db/migration")).on(server)
            .produceSameSchemaAs(SqlScript.at("classpath:db/schema.sql"));
    }
}

package dev.driftless.examples.readme;

import dev.driftless.junit.MigratedDatabase;
import dev.driftless.migration.MigrationChain;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.SqlScript;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static dev.driftless.assertions.DriftlessAssertions.assertThatMigrations;

/** README.md's "30 seconds" example, as the README shows it. */
@MigratedDatabase(migrations = "classpath:db/migration")
class BookingRepositoryTest {

    @Test
    void createsBooking(DataSource dataSource) {           // a fresh copy of the migrated database
        new BookingRepository(dataSource).create("alice", "2025-01-19T10:00:00Z");
    }

    @Test
    void freshInstallEqualsMigratedPath(PostgresServer server) {
        assertThatMigrations(MigrationChain.at("classpath:db/migration")).on(server)
            .produceSameSchemaAs(SqlScript.at("classpath:db/init_schema.sql"));
    }
}

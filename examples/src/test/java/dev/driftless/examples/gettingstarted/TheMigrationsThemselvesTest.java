package dev.driftless.examples.gettingstarted;

import dev.driftless.junit.MigratedDatabase;
import dev.driftless.migration.MigrationChain;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.SqlScript;
import org.junit.jupiter.api.Test;

import static dev.driftless.assertions.DriftlessAssertions.assertThatMigrations;

/** Step 3 of docs/getting-started.md: the master schema is what the migrations build. */
@MigratedDatabase(migrations = "classpath:studio/migrations")
class TheMigrationsThemselvesTest {

    @Test
    void freshInstallEqualsMigratedPath(PostgresServer server) {
        assertThatMigrations(MigrationChain.at("classpath:studio/migrations")).on(server)
            .produceSameSchemaAs(SqlScript.at("classpath:studio/init_schema.sql"));
    }
}

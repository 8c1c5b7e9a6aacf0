package dev.driftless.assertions;

import static dev.driftless.assertions.DriftlessAssertions.assertThatMigrations;
import static dev.driftless.assertions.Failures.assertFailure;

import dev.driftless.migration.FlywaySettings;
import dev.driftless.migration.MigrationEngine;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.SqlScript;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code assertThatMigrations(engine)} with the real Flyway: the same checks, built the way Flyway builds them. */
class FlywayEngineAssertTest {

    private final PostgresServer server = Schemas.server();

    private static final MigrationEngine SHOP = FlywaySettings.defaults().withLocations("classpath:flyway/shop")
            .withPlaceholder("booking_status", "requested").engine();

    @Test
    void produceSameSchemaAsPassesWhenFlywayBuildsTheMasterSchema() {
        assertThatMigrations(SHOP).on(server).produceSameSchemaAs(SqlScript.at("classpath:flyway/shop-schema.sql"));
    }

    @Test
    void areReversibleNamesTheEngineAndTheUScriptThatForgetsTheTable() {
        String script = Path.of("target/test-classes/flyway/shop/V2__create_booking.sql").toAbsolutePath().toString();
        assertFailure("flywayAreReversible", """

                Expecting actual:
                  migrations at classpath:flyway/shop (engine %1$s)
                to be reversible (down restores the schema before up; up again gives the schema of the first up)
                but 1 migration is not:
                  2 create booking (classpath:flyway/shop/V2__create_booking.sql):
                    down does not restore the schema before up (before up → after down):
                      1 difference (1 structure)
                      table booking: added
                    up again failed:
                      %1$s could not migrate the check's database to version 2:
                      Failed to execute script V2__create_booking.sql
                      -----------------------------------------------
                      SQL State  : 42P07
                      Error Code : 0
                      Message    : ERROR: relation "booking" already exists
                      Location   : flyway/shop/V2__create_booking.sql (%2$s)
                      Line       : 1
                      Statement  : Run Flyway with -X option to see the actual statement causing the problem\
                """.formatted(SHOP.name(), script), () -> assertThatMigrations(SHOP).on(server).areReversible());
    }

    @Test
    void areIdempotentRunsEachMigrationTwiceTheWayFlywayRunsIt() {
        String folder = Path.of("target/test-classes/flyway/shop").toAbsolutePath().toString();
        assertFailure("flywayAreIdempotent", """

                Expecting actual:
                  migrations at classpath:flyway/shop (engine %1$s)
                to be idempotent (each script runs twice without error, leaving the same schema)
                but 2 migrations are not:
                  1 create party (classpath:flyway/shop/V1__create_party.sql):
                    the second run failed:
                      %1$s could not migrate the check's database to version 1:
                      Failed to execute script V1__create_party.sql
                      ---------------------------------------------
                      SQL State  : 42P07
                      Error Code : 0
                      Message    : ERROR: relation "party" already exists
                      Location   : flyway/shop/V1__create_party.sql (%2$s/V1__create_party.sql)
                      Line       : 1
                      Statement  : Run Flyway with -X option to see the actual statement causing the problem
                  2 create booking (classpath:flyway/shop/V2__create_booking.sql):
                    the second run failed:
                      %1$s could not migrate the check's database to version 2:
                      Failed to execute script V2__create_booking.sql
                      -----------------------------------------------
                      SQL State  : 42P07
                      Error Code : 0
                      Message    : ERROR: relation "booking" already exists
                      Location   : flyway/shop/V2__create_booking.sql (%2$s/V2__create_booking.sql)
                      Line       : 1
                      Statement  : Run Flyway with -X option to see the actual statement causing the problem\
                """.formatted(SHOP.name(), folder), () -> assertThatMigrations(SHOP).on(server).areIdempotent());
    }

    @Test
    void produceSameSchemaAsNamesTheEngineWhenFlywayBuildsAnotherSchema() {
        assertFailure("flywaySameSchema", """

                Expecting actual:
                  migrations at classpath:flyway/shop (engine %s) migrated to 1
                to produce the same schema as:
                  classpath:flyway/shop-schema.sql
                but found (classpath:flyway/shop-schema.sql → migrated chain):
                  1 difference (1 structure)
                  table booking: removed
                HTML report: target/driftless/produceSameSchemaAs-classpath_flyway_shop.html\
                """.formatted(SHOP.name()), () -> assertThatMigrations(SHOP).on(server).toVersion("1")
                .produceSameSchemaAs(SqlScript.at("classpath:flyway/shop-schema.sql")));
    }
}

package dev.driftless.assertions;

import static dev.driftless.assertions.DriftlessAssertions.assertThatMigrations;
import static dev.driftless.assertions.Failures.assertFailure;

import dev.driftless.migration.LiquibaseSettings;
import dev.driftless.migration.MigrationEngine;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.SqlScript;
import org.junit.jupiter.api.Test;

/**
 * {@code assertThatMigrations(engine)} with the real Liquibase on the studio changelog of core's tests (on this
 * module's test class path): the same checks, built the way Liquibase builds them.
 */
class LiquibaseEngineAssertTest {

    private final PostgresServer server = Schemas.server();

    private static final MigrationEngine STUDIO = LiquibaseSettings.defaults()
            .withChangelog("classpath:liquibase/studio/db.changelog-master.xml").engine();

    @Test
    void produceSameSchemaAsPassesWhenLiquibaseBuildsTheMasterSchema() {
        assertThatMigrations(STUDIO).on(server)
                .produceSameSchemaAs(SqlScript.at("classpath:liquibase/studio/master-schema.sql"));
    }

    @Test
    void areReversibleNamesTheChangeSetWhoseRollbackLeavesTheTableBehind() {
        assertFailure("liquibaseAreReversible", """

                Expecting actual:
                  migrations at classpath:liquibase/studio/db.changelog-master.xml (engine %1$s)
                to be reversible (down restores the schema before up; up again gives the schema of the first up)
                but 1 migration is not:
                  8 currency-table by chloe (liquibase/studio/changes/later/020-currency.yaml):
                    down does not restore the schema before up (before up → after down):
                      1 difference (1 structure)
                      table currency: added
                    up again failed:
                      %1$s could not migrate the check's database to version 8:
                      Migration failed for changeset liquibase/studio/changes/later/020-currency.yaml::currency-table\
                ::chloe:
                           Reason: ERROR: relation "currency" already exists [Failed SQL: (0) CREATE TABLE \
                public.currency (code CHAR(3) NOT NULL, name VARCHAR(60), CONSTRAINT currency_pkey PRIMARY KEY \
                (code))]
                Migrations without a down script (not checked):
                  5 booking-comment by ben (liquibase/studio/changes/002-booking.sql)\
                """.formatted(STUDIO.name()), () -> assertThatMigrations(STUDIO).on(server).areReversible());
    }
}

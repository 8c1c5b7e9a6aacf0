package dev.driftless.examples.fieldservice;

import dev.driftless.assertions.SoftDriftlessAssertions;
import dev.driftless.junit.MigratedDatabase;
import dev.driftless.junit.TestDatabase;
import dev.driftless.migration.MigrationChain;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.schema.Table;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.SqlScript;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import javax.sql.DataSource;

import static dev.driftless.assertions.DriftlessAssertions.assertThat;
import static dev.driftless.assertions.DriftlessAssertions.assertThatMigrations;
import static dev.driftless.assertions.DriftlessAssertions.row;
import static dev.driftless.assertions.DriftlessAssertions.table;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Field service: {@code schema.sql} for fresh installs, numbered migrations each with a {@code .rollback.sql}, and an
 * {@code updated_at} trigger function on every table.
 */
@MigratedDatabase(schema = "classpath:field-service/schema.sql")
class FieldServiceTest {

    static final SqlScript SCHEMA = SqlScript.at("classpath:field-service/schema.sql");
    static final MigrationChain MIGRATIONS = MigrationChain.at("classpath:field-service/migrations");

    @Test
    void everyMigrationHasARollbackThatRevertsIt(PostgresServer server) {
        assertThatMigrations(MIGRATIONS).on(server).failingOnMissingDownScripts().areReversible();
    }

    @Test
    void aRollbackThatForgetsAColumnIsCaught(PostgresServer server) {
        MigrationChain broken = MigrationChain.at("classpath:field-service/broken/migrations");

        assertThatThrownBy(() -> assertThatMigrations(broken).on(server).areReversible())
                .hasMessage("""

                        Expecting actual:
                          migration chain classpath:field-service/broken/migrations
                        to be reversible (down restores the schema before up; up again gives the schema of the first up)
                        but 1 migration is not:
                          004 parts (classpath:field-service/broken/migrations/004_parts.sql):
                            down does not restore the schema before up (before up → after down):
                              1 difference (1 structure)
                              table work_order: column completed_at: added (timestamp with time zone)
                            up again failed:
                              The migration 004 parts (classpath:field-service/broken/migrations/004_parts.sql) failed and was rolled back; the check's database stays at version 003.
                              classpath:field-service/broken/migrations/004_parts.sql:16:1 [42701] column "completed_at" of relation "work_order" already exists
                                16 | ALTER TABLE work_order ADD COLUMN completed_at timestamptz;""");
    }

    @Test
    void schemaSqlEqualsTheMigrations(PostgresServer server) {
        assertThatMigrations(MIGRATIONS).on(server).produceSameSchemaAs(SCHEMA);
    }

    @Test
    void theUpdatedAtTriggerFires(TestDatabase db, DataSource dataSource) {
        db.execute("INSERT INTO customer (name, created_at, updated_at) "
                + "VALUES ('Harbour Cafe', '2024-01-01 00:00Z', '2024-01-01 00:00Z')");

        db.execute("UPDATE customer SET email = 'ops@harbour.example' WHERE name = 'Harbour Cafe'");

        Instant newYear = Instant.parse("2024-01-01T00:00:00Z");
        assertThat(table(dataSource, "customer"))
                .containsRows(row("name", "Harbour Cafe", "created_at", newYear))
                .doesNotContainRows(row("updated_at", newYear));   // the trigger moved it on
    }

    @Test
    void everyTableWithUpdatedAtHasTheTrigger(SchemaSnapshot schema) {
        SoftDriftlessAssertions softly = new SoftDriftlessAssertions();
        for (Table table : schema.tables()) {
            if (table.column("updated_at").isPresent()) {
                softly.assertThat(schema).table(table.name()).hasTrigger(table.name() + "_set_updated_at");
            }
        }
        softly.assertAll();
    }

    @Test
    void everyForeignKeyIsIndexedAndMoneyIsIntegerCents(SchemaSnapshot schema) {
        assertThat(schema).everyForeignKeyHasIndex().everyTableHasPrimaryKey();
        assertThat(schema).columnsNamed(".*_cents").allHaveType("integer");
    }
}

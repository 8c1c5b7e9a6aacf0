package dev.driftless.examples.studio;

import dev.driftless.junit.MigratedDatabase;
import dev.driftless.junit.TestDatabase;
import dev.driftless.migration.MigrationChain;
import dev.driftless.schema.Column;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.schema.Table;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.ScriptException;
import dev.driftless.sql.ScriptRunner;
import dev.driftless.sql.SqlScript;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import javax.sql.DataSource;

import static dev.driftless.assertions.DriftlessAssertions.assertThat;
import static dev.driftless.assertions.DriftlessAssertions.assertThatMigrations;
import static dev.driftless.assertions.DriftlessAssertions.row;
import static dev.driftless.assertions.DriftlessAssertions.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Studio: a recording-studio platform keeps {@code init_schema.sql} for fresh installs beside the {@code 001..005}
 * migrations it was consolidated from, and re-imports a {@code pg_dump --data-only} export into fresh databases.
 */
@MigratedDatabase(schema = "classpath:studio/init_schema.sql")
class StudioTest {

    static final SqlScript INIT_SCHEMA = SqlScript.at("classpath:studio/init_schema.sql");
    static final MigrationChain MIGRATIONS = MigrationChain.at("classpath:studio/migrations");

    @Test
    void freshInstallEqualsMigratedPath(PostgresServer server) {
        assertThatMigrations(MIGRATIONS).on(server).produceSameSchemaAs(INIT_SCHEMA);
    }

    @Test
    void everyDownScriptRevertsItsMigration(PostgresServer server) {
        assertThatMigrations(MIGRATIONS).on(server).areReversible();
    }

    @Test
    void aMasterSchemaThatDriftedFromTheMigrationsIsCaught(PostgresServer server) {
        SqlScript drifted = SqlScript.at("classpath:studio/broken/init_schema_decimal_rate.sql");

        assertThatThrownBy(() -> assertThatMigrations(MIGRATIONS).on(server).produceSameSchemaAs(drifted))
                .hasMessage("""

                        Expecting actual:
                          migration chain classpath:studio/migrations migrated to 005
                        to produce the same schema as:
                          classpath:studio/broken/init_schema_decimal_rate.sql
                        but found (classpath:studio/broken/init_schema_decimal_rate.sql → migrated chain):
                          2 differences (2 structure)
                          table room: column hourly_rate_cents: type numeric(10,2) → integer
                          table room: constraint room_hourly_rate_cents_check: definition CHECK (hourly_rate_cents >= 0::numeric) → CHECK (hourly_rate_cents >= 0)
                        HTML report: target/driftless/produceSameSchemaAs-classpath_studio_migrations.html""");
    }

    @Test
    void moneyColumnsAreIntegerCents(SchemaSnapshot schema) {
        assertThat(schema).columnsNamed(".*_cents").allHaveType("integer");
        assertThat(schema).table("invoice").hasColumn("total_cents").ofType("integer").isNotNull();
        // ... and no column anywhere holds money as a decimal or a float.
        assertThat(schema.tables()).flatExtracting(Table::columns).extracting(Column::type)
                .noneMatch(type -> type.startsWith("numeric") || type.equals("money")
                        || type.equals("real") || type.equals("double precision"));
    }

    @Test
    void anExportWithAnOrphanedBookingFailsAtItsLine(Connection connection) {
        SqlScript export = SqlScript.at("classpath:studio/broken/data_export_orphan.sql");

        assertThatThrownBy(() -> ScriptRunner.create().run(export, connection))
                .isInstanceOf(ScriptException.class)
                .hasMessage("""
                        classpath:studio/broken/data_export_orphan.sql:47:1 [23503] insert or update on table "booking" violates foreign key constraint "booking_party_id_fkey"
                          47 | COPY public.booking (booking_id, party_id, room_id, starts_at, ends_at, status, package_id, notes) FROM stdin;
                        Detail: Key (party_id)=(9) is not present in table "party".
                        The script ran in one transaction, which was rolled back: nothing of it was applied.""");
    }

    /** The {@code pg_dump} export, loaded as the seed of a fresh install: every test starts from a copy of it. */
    @Nested
    @MigratedDatabase(schema = "classpath:studio/init_schema.sql", seed = "classpath:studio/data_export.sql")
    class TheDataExport {

        @Test
        void loadsIntoAFreshDatabase(DataSource dataSource) {
            assertThat(table(dataSource, "booking")).hasRowCount(3);
            assertThat(table(dataSource, "open_invoice"))
                    .containsExactlyRows(row("number", "INV-2024-0002", "outstanding_cents", 25_000));
        }

        @Test
        void movedTheSequencesPastTheExportedKeys(TestDatabase db, DataSource dataSource) {
            db.execute("INSERT INTO party (display_name) VALUES ('New client')");

            assertThat(table(dataSource, "party")).column("party_id").containsExactly(1, 2, 3, 4);
        }
    }

    /** The same schema with {@code room.hourly_rate_cents numeric(10,2)}: the money rule names the column. */
    @Nested
    @MigratedDatabase(schema = "classpath:studio/broken/init_schema_decimal_rate.sql")
    class ADecimalMoneyColumn {

        @Test
        void isCaught(SchemaSnapshot schema) {
            assertThatThrownBy(() -> assertThat(schema).columnsNamed(".*_cents").allHaveType("integer"))
                    .hasMessage("""

                            Expecting actual:
                              columns named ".*_cents" (5)
                            to have type:
                              "integer"
                            but these columns are not:
                              room.hourly_rate_cents: numeric(10,2)""");
        }
    }
}

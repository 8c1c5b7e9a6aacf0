package dev.driftless.examples.studio;

import dev.driftless.examples.ExampleDatabases;
import dev.driftless.migration.MigrationChain;
import dev.driftless.schema.Column;
import dev.driftless.schema.SchemaDiff;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.schema.Table;
import dev.driftless.server.Database;
import dev.driftless.sql.ScriptException;
import dev.driftless.sql.SqlScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Studio: a recording-studio platform keeps {@code init_schema.sql} for fresh installs beside the {@code 001..005}
 * migrations it was consolidated from, and re-imports a {@code pg_dump --data-only} export into fresh databases.
 */
class StudioTest {

    static final SqlScript INIT_SCHEMA = SqlScript.at("classpath:studio/init_schema.sql");
    static final MigrationChain MIGRATIONS = MigrationChain.at("classpath:studio/migrations");

    private final List<Database> databases = new ArrayList<>();

    @AfterEach
    void drop() {
        databases.forEach(ExampleDatabases::drop);
    }

    private Database keep(Database db) {
        databases.add(db);
        return db;
    }

    @Test
    void freshInstallEqualsMigratedPath() {
        SchemaDiff diff = ExampleDatabases.diff(keep(ExampleDatabases.fromScript(INIT_SCHEMA)),
                keep(ExampleDatabases.migrated(MIGRATIONS)));

        assertThat(diff.isEmpty()).as(diff.toText()).isTrue();
    }

    @Test
    void aMasterSchemaThatDriftedFromTheMigrationsIsCaught() {
        SchemaDiff diff = ExampleDatabases.diff(keep(ExampleDatabases.fromScript(driftedSchema())),
                keep(ExampleDatabases.migrated(MIGRATIONS)));

        assertThat(diff.toText()).isEqualTo("""
                2 differences (2 structure)
                table room: column hourly_rate_cents: type numeric(10,2) → integer
                table room: constraint room_hourly_rate_cents_check: definition CHECK (hourly_rate_cents >= 0::numeric) → CHECK (hourly_rate_cents >= 0)
                """);
    }

    @Test
    void moneyColumnsAreIntegerCents() {
        SchemaSnapshot schema = ExampleDatabases.snapshot(keep(ExampleDatabases.fromScript(INIT_SCHEMA)));

        assertThat(moneyColumnsThatAreNotIntegerCents(schema)).isEmpty();
        assertThat(schema.table("invoice").orElseThrow().column("total_cents").orElseThrow().type()).isEqualTo("integer");
    }

    @Test
    void aDecimalMoneyColumnIsCaught() {
        SchemaSnapshot schema = ExampleDatabases.snapshot(keep(ExampleDatabases.fromScript(driftedSchema())));

        assertThat(moneyColumnsThatAreNotIntegerCents(schema)).containsExactly("room.hourly_rate_cents numeric(10,2)");
    }

    @Test
    void theDataExportLoadsIntoAFreshDatabase() throws SQLException {
        Database db = keep(ExampleDatabases.fromScript(INIT_SCHEMA));

        ExampleDatabases.run(SqlScript.at("classpath:studio/data_export.sql"), db);

        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            assertThat(single(s, "SELECT count(*) FROM booking")).isEqualTo(3);
            assertThat(single(s, "SELECT sum(outstanding_cents) FROM open_invoice")).isEqualTo(25_000);
            // The sequences were moved past the exported keys: new rows do not collide.
            s.execute("INSERT INTO party (display_name) VALUES ('New client')");
            assertThat(single(s, "SELECT max(party_id) FROM party")).isEqualTo(4);
        }
    }

    @Test
    void anExportWithAnOrphanedBookingFailsAtItsLine() {
        Database db = keep(ExampleDatabases.fromScript(INIT_SCHEMA));

        assertThatThrownBy(() -> ExampleDatabases.run(SqlScript.at("classpath:studio/broken/data_export_orphan.sql"), db))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining("classpath:studio/broken/data_export_orphan.sql:47:1 [23503] insert or update on "
                        + "table \"booking\" violates foreign key constraint \"booking_party_id_fkey\"");
    }

    /** Money is integer cents: every {@code *_cents} column is {@code integer} or {@code bigint}, and no column is decimal. */
    static List<String> moneyColumnsThatAreNotIntegerCents(SchemaSnapshot schema) {
        List<String> offenders = new ArrayList<>();
        for (Table table : schema.tables()) {
            for (Column column : table.columns()) {
                boolean decimal = column.type().startsWith("numeric") || column.type().equals("money")
                        || column.type().equals("real") || column.type().equals("double precision");
                boolean cents = column.name().endsWith("_cents");
                if (decimal || cents && !column.type().equals("integer") && !column.type().equals("bigint")) {
                    offenders.add(table.name() + "." + column.name() + " " + column.type());
                }
            }
        }
        return offenders;
    }

    private static SqlScript driftedSchema() {
        return SqlScript.of("studio/init_schema.sql (drifted)", INIT_SCHEMA.content()
                .replace("hourly_rate_cents integer", "hourly_rate_cents numeric(10,2)"));
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

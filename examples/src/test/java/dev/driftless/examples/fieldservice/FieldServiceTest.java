package dev.driftless.examples.fieldservice;

import dev.driftless.examples.ExampleDatabases;
import dev.driftless.migration.MigrationChain;
import dev.driftless.schema.SchemaDiff;
import dev.driftless.server.Database;
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

/**
 * Field service: {@code schema.sql} for fresh installs, numbered migrations each with a {@code .rollback.sql}, and an
 * {@code updated_at} trigger function on every table.
 */
class FieldServiceTest {

    static final SqlScript SCHEMA = SqlScript.at("classpath:field-service/schema.sql");
    static final MigrationChain MIGRATIONS = MigrationChain.at("classpath:field-service/migrations");

    private final List<Database> databases = new ArrayList<>();

    @AfterEach
    void drop() {
        databases.forEach(ExampleDatabases::drop);
    }

    @Test
    void everyMigrationHasARollbackThatRevertsIt() {
        assertThat(MIGRATIONS.migrations()).allSatisfy(m -> assertThat(m.down()).as("rollback of " + m).isPresent());

        assertThat(ExampleDatabases.irreversibleMigrations(MIGRATIONS)).isEmpty();
    }

    @Test
    void aRollbackThatForgetsAColumnIsCaught() {
        MigrationChain broken = MigrationChain.at("classpath:field-service/broken/migrations");

        assertThat(ExampleDatabases.irreversibleMigrations(broken)).containsExactly("""
                migration 004 (parts): 1 difference (1 structure)
                table work_order: column completed_at: added (timestamp with time zone)
                """);
    }

    @Test
    void schemaSqlEqualsTheMigrations() {
        Database fresh = keep(ExampleDatabases.fromScript(SCHEMA));
        Database migrated = keep(ExampleDatabases.migrated(MIGRATIONS));

        SchemaDiff diff = ExampleDatabases.diff(fresh, migrated);

        assertThat(diff.isEmpty()).as(diff.toText()).isTrue();
    }

    @Test
    void theUpdatedAtTriggerFires() throws SQLException {
        Database db = keep(ExampleDatabases.fromScript(SCHEMA));
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO customer (name, created_at, updated_at) "
                    + "VALUES ('Harbour Cafe', '2024-01-01 00:00Z', '2024-01-01 00:00Z')");
            s.execute("UPDATE customer SET email = 'ops@harbour.example' WHERE name = 'Harbour Cafe'");
            try (ResultSet rs = s.executeQuery("SELECT created_at, updated_at > created_at FROM customer")) {
                rs.next();
                assertThat(rs.getObject(1, java.time.OffsetDateTime.class).getYear()).isEqualTo(2024);
                assertThat(rs.getBoolean(2)).as("updated_at moved on").isTrue();
            }
        }
    }

    @Test
    void everyTableWithUpdatedAtHasTheTrigger() {
        var schema = ExampleDatabases.snapshot(keep(ExampleDatabases.fromScript(SCHEMA)));

        List<String> missing = schema.tables().stream()
                .filter(t -> t.column("updated_at").isPresent())
                .filter(t -> t.triggers().stream().noneMatch(tr -> tr.definition().contains("set_updated_at()")))
                .map(t -> t.name())
                .toList();

        assertThat(missing).isEmpty();
    }

    private Database keep(Database db) {
        databases.add(db);
        return db;
    }
}

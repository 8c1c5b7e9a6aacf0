package dev.driftless.examples.flyway;

import dev.driftless.check.ChainChecks;
import dev.driftless.check.CheckResult;
import dev.driftless.junit.FlywayConfig;
import dev.driftless.junit.MigratedDatabase;
import dev.driftless.junit.TestDatabase;
import dev.driftless.migration.FlywaySettings;
import dev.driftless.migration.MigrationEngine;
import dev.driftless.migration.MigrationVersion;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.SqlScript;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Flyway example: a project whose migrations Flyway runs in production (V and R files, a {@code ${currency}}
 * placeholder, an {@code afterMigrate.sql} callback), tested with the real Flyway building the template.
 */
@MigratedDatabase(migrations = "classpath:flyway-app/db/migration",
        flyway = @FlywayConfig(placeholders = "currency=EUR"))
class InvoiceRepositoryTest {

    @Test
    void issuesAnInvoiceInTheDeploymentsCurrency(DataSource dataSource) {
        InvoiceRepository invoices = new InvoiceRepository(dataSource);

        invoices.issue("Ada", 12_000);
        invoices.issue("Grace", 4_500);

        assertThat(invoices.open()).containsExactly("Ada 12000 EUR", "Grace 4500 EUR");
    }

    @Test
    void everyTestStartsFromTheMigratedTemplate(DataSource dataSource) {
        assertThat(new InvoiceRepository(dataSource).open()).isEmpty();
    }

    @Test
    void flywayBuiltTheDatabase(TestDatabase db, SchemaSnapshot schema) throws Exception {
        assertThat(rows(db, "SELECT coalesce(version, 'R') || ' ' || description FROM flyway_schema_history"
                + " ORDER BY installed_rank"))
                .containsExactly("1 create customer", "2 create invoice", "2.1 invoice due date", "R open invoices");
        assertThat(rows(db, "SELECT code FROM currency")).containsExactly("EUR");   // the afterMigrate callback
        assertThat(schema.table("public.flyway_schema_history")).isEmpty();         // history is not schema
    }

    @Test
    void freshInstallEqualsMigratedPath(PostgresServer server) {
        MigrationEngine flyway = FlywaySettings.defaults()
                .withLocations("classpath:flyway-app/db/migration")
                .withPlaceholder("currency", "EUR")
                .engine();

        CheckResult result = ChainChecks.on(server).sameSchema(flyway, MigrationVersion.parse("2.1"),
                SqlScript.at("classpath:flyway-app/schema.sql"));

        assertThat(result.failed()).as("%s", result).isFalse();
    }

    private static List<String> rows(TestDatabase db, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}

package dev.driftless.examples.liquibase;

import dev.driftless.junit.LiquibaseConfig;
import dev.driftless.junit.MigratedDatabase;
import dev.driftless.junit.TestDatabase;
import dev.driftless.migration.LiquibaseSettings;
import dev.driftless.migration.MigrationEngine;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.server.PostgresServer;
import dev.driftless.sql.SqlScript;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import static dev.driftless.assertions.DriftlessAssertions.assertThatMigrations;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Liquibase example: a project whose changelog Liquibase runs in production (a YAML master including XML, YAML and
 * formatted-SQL changelogs, a {@code ${fee_currency}} parameter, a seed changeSet of the {@code test} context,
 * rollbacks), tested with the real Liquibase building the template.
 */
@MigratedDatabase(migrations = "classpath:liquibase-app/db/changelog/db.changelog-master.yaml",
        liquibase = @LiquibaseConfig(contexts = "test", parameters = "fee_currency=EUR"))
class LoanRepositoryTest {

    @Test
    void listsTheOverdueLoansWithTheirFeeCurrency(DataSource dataSource) {
        LoanRepository loans = new LoanRepository(dataSource);

        loans.lend("Ada", "Dune", LocalDate.now().minusDays(3));
        loans.lend("Grace", "Emma", LocalDate.now().plusDays(14));

        assertThat(loans.overdue()).containsExactly("Ada: Dune (EUR)");
    }

    @Test
    void everyTestStartsFromTheMigratedTemplate(DataSource dataSource) {
        assertThat(new LoanRepository(dataSource).overdue()).isEmpty();
    }

    @Test
    void liquibaseBuiltTheDatabase(TestDatabase db, SchemaSnapshot schema) throws Exception {
        assertThat(rows(db, "SELECT id FROM databasechangelog ORDER BY orderexecuted")).containsExactly(
                "create-member", "create-loan", "loan-late-fee", "overdue-loan-view", "demo-members");
        assertThat(rows(db, "SELECT name FROM member ORDER BY name")).containsExactly("Ada", "Grace"); // context test
        assertThat(schema.table("public.databasechangelog")).isEmpty();             // history is not schema
    }

    @Test
    void freshInstallEqualsMigratedPathAndEveryChangeSetRollsBack(PostgresServer server) {
        MigrationEngine liquibase = LiquibaseSettings.defaults()
                .withChangelog("classpath:liquibase-app/db/changelog/db.changelog-master.yaml")
                .withParameter("fee_currency", "EUR")
                .engine();

        assertThatMigrations(liquibase).on(server)
                .produceSameSchemaAs(SqlScript.at("classpath:liquibase-app/schema.sql"))
                .areReversible();
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

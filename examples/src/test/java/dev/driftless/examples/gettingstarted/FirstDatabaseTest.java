package dev.driftless.examples.gettingstarted;

import dev.driftless.junit.MigratedDatabase;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.seed.Seeder;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

import static dev.driftless.seed.Seeder.ref;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first test of docs/getting-started.md: the studio migrations, a fresh database per test, a few seeded rows.
 */
@MigratedDatabase(migrations = "classpath:studio/migrations")   // or schema = "sql/init_schema.sql"
class FirstDatabaseTest {

    @Test
    void everyTestGetsAFreshMigratedDatabase(DataSource dataSource, Seeder seed) throws SQLException {
        seed.into("party").row("alice", r -> r.set("display_name", "Alice"))
            .into("party_role").row(r -> r.set("party_id", ref("alice")).set("role", "client"))
            .load();

        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM party_role WHERE role = 'client'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void theNextTestStartsFromTheMigratedStateAgain(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM party")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void theSchemaIsThereToInspect(SchemaSnapshot schema) {
        assertThat(schema.table("public.booking")).isPresent();
    }
}

package dev.driftless.examples.drivingschool;

import dev.driftless.junit.MigratedDatabase;
import dev.driftless.junit.TestDatabase;
import dev.driftless.migration.Layout;
import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.Migrator;
import dev.driftless.schema.SchemaSnapshot;
import dev.driftless.seed.Fixture;
import dev.driftless.seed.SeedException;
import dev.driftless.seed.Seeder;
import dev.driftless.server.PostgresServer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import static dev.driftless.assertions.DriftlessAssertions.assertThat;
import static dev.driftless.assertions.DriftlessAssertions.assertThatMigrations;
import static dev.driftless.assertions.DriftlessAssertions.row;
import static dev.driftless.assertions.DriftlessAssertions.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Driving school: Prisma migrations ({@code <timestamp>_<name>/migration.sql}), a YAML seed fixture, data checks, and
 * a zero-downtime change of {@code service.price} (float) to {@code service.price_cents} (integer) in four migrations:
 * shadow column, backfill, switch, drop.
 */
@MigratedDatabase(migrations = "classpath:driving-school/migrations")
class DrivingSchoolTest {

    static final MigrationChain MIGRATIONS = MigrationChain.at("classpath:driving-school/migrations");

    /** Data checks: each query lists the rows that break a rule, as text. */
    static final String BOOKINGS_WITHOUT_A_STUDENT = """
            SELECT b.id || ': student ' || b.student_id || ' is ' || coalesce(u.role::text, 'missing')
            FROM booking b LEFT JOIN "user" u ON u.id = b.student_id
            WHERE u.id IS NULL OR u.role <> 'STUDENT' ORDER BY b.id""";
    static final String NON_POSITIVE_PRICES = """
            SELECT id || ': ' || price_cents FROM service WHERE price_cents <= 0 ORDER BY id""";

    @Test
    void theMigrationsApply(SchemaSnapshot schema) {
        assertThat(MIGRATIONS.layout()).contains(Layout.PRISMA);

        assertThat(schema).table("service")
                .doesNotHaveColumn("price")
                .hasColumn("price_cents").ofType("integer").isNotNull()
                .hasCheckConstraint("service_price_cents_positive").hasDefinitionContaining("price_cents > 0");
    }

    @Test
    void aBookingOfTheWrongPersonFailsTheDataCheck(Seeder seed, Connection connection) throws SQLException {
        seed.load("driving-school/broken/seed_wrong_student.yml");

        assertThat(rows(connection, BOOKINGS_WITHOUT_A_STUDENT))
                .containsExactly("bkg_1: student usr_guardian_1 is GUARDIAN");
    }

    @Test
    void aFreeServiceIsRefusedWithTheConstraintNamed(Seeder seed, DataSource dataSource) {
        assertThatThrownBy(() -> seed.load("driving-school/broken/seed_free_exam.yml"))
                .isInstanceOf(SeedException.class)
                .hasMessage("""
                        Cannot load fixtures: driving-school/broken/seed_free_exam.yml:55, table service, row 2 (alias "exam"), column price_cents (integer) = "0": [23514] new row for relation "service" violates check constraint "service_price_cents_positive"
                          Detail: Failing row contains (svc_exam, org_lakeside, Exam preparation drive, 90, 0).
                          Change the value so that the check constraint holds.
                        Nothing was inserted: the whole load was rolled back.""");
        assertThat(table(dataSource, "organization")).isEmpty();   // nothing of the fixture was inserted
    }

    @Test
    void theServiceCatalogSurvivesThePriceChange(PostgresServer server) {
        Fixture catalog = Fixture.parse("catalog.yml", """
                organization:
                  - {id: org_1, name: Lakeside}
                service:
                  - {id: svc_a, organization_id: org_1, name: Lesson, duration_minutes: 60, price: 55.00}
                  - {id: svc_b, organization_id: org_1, name: Exam drive, duration_minutes: 90, price: 89.99}
                """);

        assertThatMigrations(MIGRATIONS).on(server).fromVersion("20240212110000").preserveData(catalog);
    }

    /** Every test of this class starts from a copy of the migrated database with {@code seed.yml} loaded. */
    @Nested
    @MigratedDatabase(migrations = "classpath:driving-school/migrations", seed = "classpath:driving-school/seed.yml")
    class TheSeed {

        @Test
        void loads(DataSource dataSource) {
            assertThat(table(dataSource, "user")).containsExactlyRows(
                    row("name", "Priya Raman", "role", "OWNER"),
                    row("name", "Tom Becker", "role", "INSTRUCTOR"),
                    row("name", "Mia Jansen", "role", "STUDENT", "birth_date", "2008-04-17"),
                    row("name", "Eva Jansen", "role", "GUARDIAN"));
            assertThat(table(dataSource, "instructor_availability")).hasRowCount(2);
            assertThat(table(dataSource, "service")).column("price_cents").containsExactlyInAnyOrder(5500, 8900);
        }

        @Test
        void passesTheDataChecks(Connection connection) throws SQLException {
            assertThat(rows(connection, BOOKINGS_WITHOUT_A_STUDENT)).isEmpty();
            assertThat(rows(connection, NON_POSITIVE_PRICES)).isEmpty();
        }
    }

    /** The database at the version before the price change, moved one migration at a time. */
    @Nested
    @MigratedDatabase(migrations = "classpath:driving-school/migrations", target = "20240212110000")
    class TheZeroDowntimePriceChange {

        @Test
        void keepsDataStepByStep(Migrator migrator, TestDatabase db, DataSource dataSource) {
            db.execute("""
                    INSERT INTO organization (id, name) VALUES ('org_1', 'Lakeside');
                    INSERT INTO service (id, organization_id, name, duration_minutes, price) VALUES
                        ('svc_a', 'org_1', 'Lesson', 60, 55.00), ('svc_b', 'org_1', 'Exam drive', 90, 89.99);
                    """);

            migrator.migrateTo("20240301080000");          // expand: the shadow column exists, empty
            assertThat(table(dataSource, "service")).containsExactlyRowsInOrder(
                    row("id", "svc_a", "price_cents", null),
                    row("id", "svc_b", "price_cents", null));
            db.execute("INSERT INTO service (id, organization_id, name, duration_minutes, price) "
                    + "VALUES ('svc_c', 'org_1', 'Night drive', 60, 60.5)");  // the old application keeps writing price

            migrator.migrateTo("20240301080100");          // backfill
            assertThat(table(dataSource, "service")).column("price_cents").containsExactly(5500, 8999, 6050);

            migrator.migrateTo("20240301080200");          // switch: the new application writes price_cents only
            db.execute("INSERT INTO service (id, organization_id, name, duration_minutes, price_cents) "
                    + "VALUES ('svc_d', 'org_1', 'Motorway', 120, 11000)");

            migrator.migrateTo("20240315090000");          // contract
            assertThat(table(dataSource, "service")).containsExactlyRowsInOrder(
                    row("id", "svc_a", "price_cents", 5500),
                    row("id", "svc_b", "price_cents", 8999),
                    row("id", "svc_c", "price_cents", 6050),
                    row("id", "svc_d", "price_cents", 11000));
        }
    }

    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}

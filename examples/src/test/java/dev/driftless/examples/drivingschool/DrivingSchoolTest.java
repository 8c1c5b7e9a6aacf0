package dev.driftless.examples.drivingschool;

import dev.driftless.examples.ExampleDatabases;
import dev.driftless.migration.Layout;
import dev.driftless.migration.MigrationChain;
import dev.driftless.migration.Migrator;
import dev.driftless.seed.SeedException;
import dev.driftless.seed.Seeder;
import dev.driftless.server.Database;
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
 * Driving school: Prisma migrations ({@code <timestamp>_<name>/migration.sql}), a YAML seed fixture, data checks, and
 * a zero-downtime change of {@code service.price} (float) to {@code service.price_cents} (integer) in four migrations:
 * shadow column, backfill, switch, drop.
 */
class DrivingSchoolTest {

    static final MigrationChain MIGRATIONS = MigrationChain.at("classpath:driving-school/migrations");

    /** Data checks: each query lists the rows that break a rule, as text. */
    static final String BOOKINGS_WITHOUT_A_STUDENT = """
            SELECT b.id || ': student ' || b.student_id || ' is ' || coalesce(u.role::text, 'missing')
            FROM booking b LEFT JOIN "user" u ON u.id = b.student_id
            WHERE u.id IS NULL OR u.role <> 'STUDENT' ORDER BY b.id""";
    static final String NON_POSITIVE_PRICES = """
            SELECT id || ': ' || price_cents FROM service WHERE price_cents <= 0 ORDER BY id""";

    private final List<Database> databases = new ArrayList<>();

    @AfterEach
    void drop() {
        databases.forEach(ExampleDatabases::drop);
    }

    @Test
    void theMigrationsApply() {
        assertThat(MIGRATIONS.layout()).contains(Layout.PRISMA);

        Database db = keep(ExampleDatabases.migrated(MIGRATIONS));

        var service = ExampleDatabases.snapshot(db).table("service").orElseThrow();
        assertThat(service.column("price")).isEmpty();
        assertThat(service.column("price_cents").orElseThrow().notNull()).isTrue();
    }

    @Test
    void theSeedLoadsAndPassesTheDataChecks() throws SQLException {
        Database db = keep(ExampleDatabases.migrated(MIGRATIONS));

        Seeder seed = Seeder.on(db).load("driving-school/seed.yml");

        assertThat(seed.row("instructor").get("name")).isEqualTo("Tom Becker");
        assertThat(rows(db, "SELECT count(*)::text FROM instructor_availability")).containsExactly("2");
        assertThat(rows(db, BOOKINGS_WITHOUT_A_STUDENT)).isEmpty();
        assertThat(rows(db, NON_POSITIVE_PRICES)).isEmpty();
    }

    @Test
    void aBookingOfTheWrongPersonFailsTheDataCheck() throws SQLException {
        Database db = keep(ExampleDatabases.migrated(MIGRATIONS));

        Seeder.on(db).load("driving-school/broken/seed_wrong_student.yml");

        assertThat(rows(db, BOOKINGS_WITHOUT_A_STUDENT)).containsExactly("bkg_1: student usr_guardian_1 is GUARDIAN");
    }

    @Test
    void aFreeServiceIsRefusedWithTheConstraintNamed() {
        Database db = keep(ExampleDatabases.migrated(MIGRATIONS));

        assertThatThrownBy(() -> Seeder.on(db).load("driving-school/broken/seed_free_exam.yml"))
                .isInstanceOf(SeedException.class)
                .hasMessageContaining("service_price_cents_positive");
    }

    @Test
    void theZeroDowntimePriceChangeKeepsDataStepByStep() throws SQLException {
        Database db = keep(ExampleDatabases.server().createDatabase());
        Migrator migrator = Migrator.of(MIGRATIONS, db);
        migrator.migrateTo("20240212110000");
        execute(db, """
                INSERT INTO organization (id, name) VALUES ('org_1', 'Lakeside');
                INSERT INTO service (id, organization_id, name, duration_minutes, price) VALUES
                    ('svc_a', 'org_1', 'Lesson', 60, 55.00), ('svc_b', 'org_1', 'Exam drive', 90, 89.99);
                """);

        migrator.migrateTo("20240301080000");          // expand: the shadow column exists, empty
        assertThat(rows(db, "SELECT id || '=' || coalesce(price_cents::text, 'null') FROM service ORDER BY id"))
                .containsExactly("svc_a=null", "svc_b=null");
        execute(db, "INSERT INTO service (id, organization_id, name, duration_minutes, price) "
                + "VALUES ('svc_c', 'org_1', 'Night drive', 60, 60.5)");  // the old application keeps writing price

        migrator.migrateTo("20240301080100");          // backfill
        assertThat(rows(db, "SELECT id || '=' || price_cents FROM service ORDER BY id"))
                .containsExactly("svc_a=5500", "svc_b=8999", "svc_c=6050");

        migrator.migrateTo("20240301080200");          // switch: the new application writes price_cents only
        execute(db, "INSERT INTO service (id, organization_id, name, duration_minutes, price_cents) "
                + "VALUES ('svc_d', 'org_1', 'Motorway', 120, 11000)");

        migrator.migrateTo("20240315090000");          // contract
        assertThat(rows(db, "SELECT id || '=' || price_cents FROM service ORDER BY id"))
                .containsExactly("svc_a=5500", "svc_b=8999", "svc_c=6050", "svc_d=11000");
    }

    private Database keep(Database db) {
        databases.add(db);
        return db;
    }

    private static void execute(Database db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> rows(Database db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}

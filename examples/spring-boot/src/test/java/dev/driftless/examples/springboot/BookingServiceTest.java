package dev.driftless.examples.springboot;

import dev.driftless.junit.MigratedDatabase;
import dev.driftless.schema.SchemaSnapshot;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole application on a fresh copy of the Flyway-migrated database per test; the tests run in order on purpose. */
@SpringBootTest
@MigratedDatabase(migrations = "classpath:db/migration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BookingServiceTest {

    @Autowired
    BookingService bookings;

    @Autowired
    LessonRepository lessons;

    @Autowired
    JdbcClient jdbc;

    @Test
    @Order(1)
    void refusesABookingWhenTheLessonIsFull() {
        long lesson = lessons.save(new Lesson("Parallel parking", OffsetDateTime.parse("2026-03-01T09:00:00Z"), 2)).getId();

        assertThat(bookings.book(lesson, "ana")).isTrue();
        assertThat(bookings.book(lesson, "ben")).isTrue();
        assertThat(bookings.book(lesson, "cem")).isFalse();
        assertThat(bookings.bookings(lesson)).isEqualTo(2); // committed: BookingService has its own transactions
    }

    @Test
    @Order(2)
    void theNextTestStartsFromTheMigratedDatabase() {
        assertThat(lessons.count()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM booking").query(Long.class).single()).isZero();
    }

    @Test
    @Order(3)
    void aTestMayChangeTheSchema() {
        jdbc.sql("DROP INDEX booking_student_idx").update();
    }

    @Test
    @Order(4)
    void theNextTestHasTheMigratedSchema(SchemaSnapshot schema) {
        assertThat(schema.table("booking").orElseThrow().indexes())
                .anySatisfy(index -> assertThat(index.name()).isEqualTo("booking_student_idx"));
    }
}

package dev.driftless.examples.springboot;

import dev.driftless.junit.MigratedDatabase;
import dev.driftless.junit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** The JDBC slice with the service under test; each test is a transaction rolled back on its own copy. */
@JdbcTest
@Import(BookingService.class)
@MigratedDatabase(migrations = "classpath:db/migration")
class BookingJdbcTest {

    @Autowired
    BookingService bookings;

    @Test
    void booksASeat(TestDatabase db) {
        db.execute("INSERT INTO lesson (id, title, starts_at, seats) VALUES (7, 'Night driving', now(), 1)");

        assertThat(bookings.book(7, "ana")).isTrue();
        assertThat(bookings.book(7, "ben")).isFalse();
    }
}

package dev.driftless.examples.junit;

import dev.driftless.examples.readme.BookingRepository;
import dev.driftless.junit.MigratedDatabase;
import dev.driftless.schema.SchemaSnapshot;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The first example of docs/junit.md: the database injected as a {@code DataSource} and as its schema. */
@MigratedDatabase(migrations = "classpath:db/migration")
class BookingRepositoryTest {

    @Test
    void createsBooking(DataSource dataSource) {
        new BookingRepository(dataSource).create("alice", "2025-01-19T10:00:00Z");
    }

    @Test
    void bookingTable(SchemaSnapshot schema) {
        assertThat(schema.table("public.booking")).isPresent();
    }
}

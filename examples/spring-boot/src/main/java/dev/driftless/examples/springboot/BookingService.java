package dev.driftless.examples.springboot;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Books seats: refuses a booking when the lesson is full. */
@Service
public class BookingService {

    private final JdbcClient jdbc;

    public BookingService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Books a seat.
     *
     * @return {@code false} when the lesson is full
     */
    @Transactional
    public boolean book(long lessonId, String student) {
        int seats = jdbc.sql("SELECT seats FROM lesson WHERE id = ? FOR UPDATE").param(lessonId).query(Integer.class)
                .single();
        long booked = jdbc.sql("SELECT count(*) FROM booking WHERE lesson_id = ?").param(lessonId).query(Long.class)
                .single();
        if (booked >= seats) {
            return false;
        }
        jdbc.sql("INSERT INTO booking (lesson_id, student) VALUES (?, ?)").params(lessonId, student).update();
        return true;
    }

    public long bookings(long lessonId) {
        return jdbc.sql("SELECT count(*) FROM booking WHERE lesson_id = ?").param(lessonId).query(Long.class).single();
    }
}

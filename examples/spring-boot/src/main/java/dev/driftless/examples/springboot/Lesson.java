package dev.driftless.examples.springboot;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.time.OffsetDateTime;

/** A lesson with a number of seats. */
@Entity
public class Lesson {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;

    private OffsetDateTime startsAt;

    private int seats;

    protected Lesson() {
    }

    public Lesson(String title, OffsetDateTime startsAt, int seats) {
        this.title = title;
        this.startsAt = startsAt;
        this.seats = seats;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public int getSeats() {
        return seats;
    }
}

package dev.driftless.examples.springboot;

import dev.driftless.junit.MigratedDatabase;
import dev.driftless.seed.Seeder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The JPA slice: no @AutoConfigureTestDatabase needed, the slice's DataSource is the test's copy. */
@DataJpaTest
@MigratedDatabase(migrations = "classpath:db/migration")
class LessonRepositoryTest {

    @Autowired
    LessonRepository lessons;

    @BeforeEach
    void seed(Seeder seeder) {
        seeder.into("lesson")
                .row(r -> r.set("title", "Parallel parking").set("starts_at", "2026-03-01T09:00:00Z").set("seats", 2))
                .row(r -> r.set("title", "Motorway driving").set("starts_at", "2026-03-02T09:00:00Z").set("seats", 1))
                .load();
    }

    @Test
    void findsLessonsByTitle() {
        assertThat(lessons.findByTitleContainingIgnoreCase("PARKING")).extracting(Lesson::getTitle)
                .containsExactly("Parallel parking");
    }

    @Test
    void seesOnlyItsOwnSeeds() {
        assertThat(lessons.count()).isEqualTo(2);
    }
}

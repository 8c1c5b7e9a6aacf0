package dev.driftless.examples.springboot;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

/** Lessons, through Spring Data JPA. */
public interface LessonRepository extends JpaRepository<Lesson, Long> {

    List<Lesson> findByTitleContainingIgnoreCase(String text);
}

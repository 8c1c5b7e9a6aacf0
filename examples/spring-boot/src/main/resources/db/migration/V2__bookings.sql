CREATE TABLE booking (
    id        bigserial PRIMARY KEY,
    lesson_id bigint NOT NULL REFERENCES lesson (id) ON DELETE CASCADE,
    student   text   NOT NULL,
    UNIQUE (lesson_id, student)
);
CREATE INDEX booking_student_idx ON booking (student);

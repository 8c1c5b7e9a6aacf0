CREATE TABLE room_booking (
    room_id   integer     NOT NULL REFERENCES room (id),
    starts_at timestamptz NOT NULL,
    ends_at   timestamptz NOT NULL,
    PRIMARY KEY (room_id, starts_at)
);

-- Bookings of the studio by a party. The status a new booking starts in is the project's placeholder.
CREATE TYPE booking_status AS ENUM ('requested', 'confirmed', 'cancelled');

CREATE TABLE booking (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    party_id  bigint         NOT NULL REFERENCES party (id) ON DELETE CASCADE,
    starts_at timestamptz    NOT NULL,
    ends_at   timestamptz    NOT NULL,
    status    booking_status NOT NULL DEFAULT '${booking_status}',
    CONSTRAINT booking_period_check CHECK (ends_at > starts_at)
);

COMMENT ON TABLE booking IS 'Bookings in schema ${flyway:defaultSchema}';

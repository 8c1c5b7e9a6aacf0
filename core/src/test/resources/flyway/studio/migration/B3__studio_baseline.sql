-- The studio schema at version 3, for new databases: what V1 to V3 build, in one script.
CREATE TABLE party (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    display_name text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    email        text,
    CONSTRAINT party_email_check CHECK (email IS NULL OR email LIKE '%_@_%')
);

CREATE UNIQUE INDEX party_display_name_key ON party (lower(display_name));

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

CREATE TABLE rate_card (
    code        text PRIMARY KEY,
    hourly_rate numeric(10, 2) NOT NULL CHECK (hourly_rate >= 0)
);

INSERT INTO rate_card (code, hourly_rate) VALUES ('standard', 80.00), ('weekend', 120.00);

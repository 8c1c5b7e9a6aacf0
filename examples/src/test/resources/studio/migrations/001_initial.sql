-- Parties (people and companies), their roles, rooms and bookings.
CREATE TABLE party (
    party_id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    display_name  text        NOT NULL,
    email         text        UNIQUE,
    phone         text,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE party_role (
    party_id  bigint NOT NULL REFERENCES party (party_id) ON DELETE CASCADE,
    role      text   NOT NULL CHECK (role IN ('client', 'engineer', 'producer', 'staff')),
    PRIMARY KEY (party_id, role)
);

CREATE TABLE room (
    room_id     uuid    PRIMARY KEY DEFAULT gen_random_uuid(),
    name        text    NOT NULL UNIQUE,
    capacity    integer NOT NULL CHECK (capacity > 0),
    hourly_rate_cents integer NOT NULL CHECK (hourly_rate_cents >= 0)
);

CREATE TABLE booking (
    booking_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    party_id    bigint      NOT NULL REFERENCES party (party_id),
    room_id     uuid        NOT NULL REFERENCES room (room_id),
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    status      text        NOT NULL DEFAULT 'requested'
                CHECK (status IN ('requested', 'confirmed', 'cancelled', 'completed')),
    CONSTRAINT booking_period_check CHECK (ends_at > starts_at)
);

CREATE INDEX booking_room_starts_idx ON booking (room_id, starts_at);
CREATE INDEX booking_party_idx ON booking (party_id);

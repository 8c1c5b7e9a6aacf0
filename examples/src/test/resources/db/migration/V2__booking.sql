CREATE TABLE booking (
    booking_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    party_id bigint NOT NULL REFERENCES party,
    starts_at timestamptz NOT NULL
);

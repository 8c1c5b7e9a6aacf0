CREATE TABLE party (
    party_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    display_name text NOT NULL,
    email text
);

CREATE TABLE booking (
    booking_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    party_id bigint NOT NULL REFERENCES party (party_id) ON DELETE CASCADE,
    starts_at timestamptz NOT NULL,
    note text
);

CREATE INDEX booking_party_id_idx ON booking (party_id);

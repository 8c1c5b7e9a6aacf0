-- The master schema of README.md's example: what db/migration builds, for fresh installs.
CREATE TABLE party (
    party_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL UNIQUE
);

CREATE TABLE booking (
    booking_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    party_id bigint NOT NULL REFERENCES party,
    starts_at timestamptz NOT NULL
);

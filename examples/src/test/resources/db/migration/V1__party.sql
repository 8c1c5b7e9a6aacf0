-- The migrations of README.md's example (dev.driftless.examples.readme.BookingRepositoryTest).
CREATE TABLE party (
    party_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL UNIQUE
);

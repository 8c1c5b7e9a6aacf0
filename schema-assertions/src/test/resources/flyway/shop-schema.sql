-- What flyway/shop builds, with booking_status = requested.
CREATE TABLE party (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    display_name text NOT NULL
);
CREATE TABLE booking (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    party_id bigint NOT NULL REFERENCES party (id),
    status   text   NOT NULL DEFAULT 'requested'
);
CREATE INDEX booking_party_id_idx ON booking (party_id);

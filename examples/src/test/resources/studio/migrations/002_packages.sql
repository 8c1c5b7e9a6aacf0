-- Session packages (e.g. "10 hours mixing") sold at a fixed price in cents.
CREATE TABLE package (
    package_id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         text    NOT NULL UNIQUE,
    hours        integer NOT NULL CHECK (hours > 0),
    price_cents  integer NOT NULL CHECK (price_cents >= 0),
    active       boolean NOT NULL DEFAULT true
);

ALTER TABLE booking ADD COLUMN package_id bigint REFERENCES package (package_id);
CREATE INDEX booking_package_idx ON booking (package_id) WHERE package_id IS NOT NULL;

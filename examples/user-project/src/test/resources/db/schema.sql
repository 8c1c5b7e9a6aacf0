-- The master schema for fresh installs; BookingTest proves it equals what the migrations build.
CREATE TABLE booking (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client    text        NOT NULL,
    starts_at timestamptz NOT NULL
);
CREATE INDEX booking_client_idx ON booking (client, starts_at);

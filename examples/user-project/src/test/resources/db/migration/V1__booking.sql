CREATE TABLE booking (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client    text        NOT NULL,
    starts_at timestamptz NOT NULL
);

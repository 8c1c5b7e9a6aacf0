CREATE TABLE lesson (
    id         bigserial PRIMARY KEY,
    title      text        NOT NULL,
    starts_at  timestamptz NOT NULL,
    seats      integer     NOT NULL CHECK (seats > 0)
);

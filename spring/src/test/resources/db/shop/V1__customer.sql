CREATE TABLE customer (
    id   bigserial PRIMARY KEY,
    name text NOT NULL UNIQUE
);

CREATE TABLE purchase (
    id          bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customer (id),
    cents       integer NOT NULL CHECK (cents > 0)
);

CREATE TABLE customer (
    customer_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL
);

CREATE TABLE orders (
    order_id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customer (customer_id),
    total_cents bigint NOT NULL CHECK (total_cents >= 0)
);
CREATE INDEX orders_customer_idx ON orders (customer_id);

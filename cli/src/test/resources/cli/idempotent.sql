CREATE TABLE IF NOT EXISTS customer (
    customer_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL
);
CREATE TABLE IF NOT EXISTS orders (
    order_id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customer (customer_id),
    total_cents integer NOT NULL CHECK (total_cents >= 0)
);
CREATE INDEX IF NOT EXISTS orders_customer_idx ON orders (customer_id);

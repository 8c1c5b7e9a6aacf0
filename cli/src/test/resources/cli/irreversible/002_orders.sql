CREATE TABLE orders (
    order_id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customer (customer_id)
);
CREATE INDEX orders_customer_idx ON orders (customer_id);
ALTER TABLE customer ADD COLUMN vip boolean NOT NULL DEFAULT false;

-- Deploy shop:orders to pg
-- requires: customers

BEGIN;

CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL REFERENCES customer);

COMMIT;

-- Deploy shop:customers to pg

BEGIN;

CREATE TABLE customer (id int PRIMARY KEY, name text NOT NULL);

COMMIT;

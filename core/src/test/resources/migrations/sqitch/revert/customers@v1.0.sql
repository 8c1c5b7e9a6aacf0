-- Revert shop:customers from pg

BEGIN;

DROP TABLE customer;

COMMIT;

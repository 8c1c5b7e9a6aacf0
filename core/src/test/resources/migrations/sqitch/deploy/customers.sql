-- Deploy shop:customers to pg (reworked)

BEGIN;

ALTER TABLE customer ADD COLUMN email text;

COMMIT;

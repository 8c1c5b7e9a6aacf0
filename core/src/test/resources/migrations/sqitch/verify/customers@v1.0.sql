-- Verify shop:customers on pg

BEGIN;
SELECT id, name FROM customer WHERE false;
ROLLBACK;

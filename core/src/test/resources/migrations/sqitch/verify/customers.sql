BEGIN;
SELECT email FROM customer WHERE false;
ROLLBACK;

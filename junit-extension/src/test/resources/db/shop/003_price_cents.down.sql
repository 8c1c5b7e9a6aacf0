ALTER TABLE orders DROP COLUMN price_cents;

ALTER TABLE orders ADD COLUMN price_cents bigint;
UPDATE orders SET price_cents = (price * 100)::bigint;
ALTER TABLE orders ALTER COLUMN price_cents SET NOT NULL;

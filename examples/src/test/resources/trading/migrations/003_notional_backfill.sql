-- Data migration: notional = quantity × price, backfilled for existing trades, then required.
BEGIN;
ALTER TABLE trade ADD COLUMN notional numeric(28, 8);
UPDATE trade SET notional = quantity * price;
ALTER TABLE trade ALTER COLUMN notional SET NOT NULL;
INSERT INTO schema_migrations (version) VALUES ('003');
COMMIT;

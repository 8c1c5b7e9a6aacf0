-- Backfill in two batches, committing between them so that the first batch's
-- row locks are released early.
UPDATE repo SET stars = 1 WHERE stars = 0 AND id % 2 = 0;
COMMIT AND CHAIN;
UPDATE repo SET stars = 1 WHERE stars = 0;

ALTER TABLE repo ALTER COLUMN stars SET DEFAULT 1;

-- Step 2 of 4: backfill. Rows written by the old application meanwhile are caught by the next step's re-run.
UPDATE "service" SET "price_cents" = round("price" * 100)::integer WHERE "price_cents" IS NULL;

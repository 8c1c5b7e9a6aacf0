-- Step 3 of 4: switch. The new application writes price_cents; price becomes optional.
UPDATE "service" SET "price_cents" = round("price" * 100)::integer WHERE "price_cents" IS NULL;
ALTER TABLE "service" ALTER COLUMN "price_cents" SET NOT NULL;
ALTER TABLE "service" ADD CONSTRAINT "service_price_cents_positive" CHECK ("price_cents" > 0);
ALTER TABLE "service" ALTER COLUMN "price" DROP NOT NULL;

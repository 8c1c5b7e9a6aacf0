-- Zero-downtime change of service.price (a float) to service.price_cents (integer), step 1 of 4: expand.
-- The shadow column is nullable: the running application does not know it yet.
-- AlterTable
ALTER TABLE "service" ADD COLUMN     "price_cents" INTEGER;

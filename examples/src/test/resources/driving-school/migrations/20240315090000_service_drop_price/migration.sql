-- Step 4 of 4: contract, once no running code reads price.
-- AlterTable
ALTER TABLE "service" DROP COLUMN "price";

-- CreateEnum
CREATE TYPE "booking_status" AS ENUM ('REQUESTED', 'CONFIRMED', 'DONE', 'CANCELLED');

-- AlterTable
ALTER TABLE "booking" ADD COLUMN     "status" "booking_status" NOT NULL DEFAULT 'REQUESTED';

ALTER TABLE "identities" ADD COLUMN "state" TEXT NOT NULL DEFAULT 'active';

DROP TABLE "identities";

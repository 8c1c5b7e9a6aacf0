ALTER TABLE customer DROP COLUMN email;

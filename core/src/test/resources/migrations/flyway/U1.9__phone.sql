ALTER TABLE customer DROP COLUMN phone;

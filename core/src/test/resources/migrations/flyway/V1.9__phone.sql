ALTER TABLE customer ADD COLUMN phone text;

ALTER TABLE party ADD COLUMN name text;

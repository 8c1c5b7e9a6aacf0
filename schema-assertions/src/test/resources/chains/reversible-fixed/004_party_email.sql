ALTER TABLE party ADD COLUMN email text;

ALTER TABLE item ADD COLUMN b integer;

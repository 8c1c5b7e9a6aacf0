ALTER TABLE room ADD COLUMN capacity integer NOT NULL DEFAULT 1 CHECK (capacity > 0);

-- Your SQL goes here
ALTER TABLE users ADD COLUMN email VARCHAR;

CREATE TABLE party (id bigserial PRIMARY KEY, name text NOT NULL);

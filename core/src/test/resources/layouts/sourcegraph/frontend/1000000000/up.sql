CREATE EXTENSION IF NOT EXISTS citext;

CREATE TABLE IF NOT EXISTS repo (
    id SERIAL PRIMARY KEY,
    name citext NOT NULL,
    created_at timestamp with time zone NOT NULL DEFAULT now()
);

-- Your SQL goes here
CREATE TABLE users (
    id SERIAL PRIMARY KEY,
    login VARCHAR NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL DEFAULT now(),
    updated_at TIMESTAMP NOT NULL DEFAULT now()
);

SELECT diesel_manage_updated_at('users');

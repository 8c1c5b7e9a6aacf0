CREATE TABLE IF NOT EXISTS external_services (
    id BIGSERIAL PRIMARY KEY,
    kind text NOT NULL,
    config text NOT NULL
);

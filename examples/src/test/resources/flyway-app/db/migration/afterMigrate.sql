-- Flyway's afterMigrate callback: the currency of this deployment is reference data, present after every migrate.
INSERT INTO currency (code) VALUES ('${currency}') ON CONFLICT DO NOTHING;

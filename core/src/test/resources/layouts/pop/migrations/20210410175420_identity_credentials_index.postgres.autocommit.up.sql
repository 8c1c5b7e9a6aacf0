CREATE INDEX CONCURRENTLY IF NOT EXISTS identity_credentials_identity_id_idx ON identity_credentials (identity_id);

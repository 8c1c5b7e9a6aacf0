-- The indexes PostgreSQL marks invalid (pg_index.indisvalid = false): what a failed or interrupted
-- CREATE INDEX CONCURRENTLY or REINDEX CONCURRENTLY leaves behind. Queries ignore them, but writes still pay for
-- keeping them up to date.
SELECT n.nspname, c.relname
FROM pg_index i
JOIN pg_class c ON c.oid = i.indexrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT i.indisvalid
ORDER BY n.nspname, c.relname

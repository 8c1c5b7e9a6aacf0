-- Downloads as a TimescaleDB hypertable, with a continuous aggregate. Needs the timescaledb extension
-- (e.g. the timescale/timescaledb:latest-pg17 image); idempotent like master.sql.
CREATE EXTENSION IF NOT EXISTS timescaledb;

SELECT create_hypertable('download', by_range('downloaded_at', INTERVAL '1 day'), if_not_exists => TRUE,
                         migrate_data => TRUE);

CREATE MATERIALIZED VIEW IF NOT EXISTS download_hourly
WITH (timescaledb.continuous) AS
SELECT tenant_id, episode_id, time_bucket(INTERVAL '1 hour', downloaded_at) AS hour, count(*) AS downloads
FROM download
GROUP BY tenant_id, episode_id, hour
WITH NO DATA;

-- Podcast analytics: the whole schema as one idempotent master migration.
-- Run on every deploy; every statement must be safe to run again.

CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE IF NOT EXISTS tenant (
    tenant_id   uuid        PRIMARY KEY DEFAULT uuid_generate_v4(),
    slug        text        NOT NULL UNIQUE,
    name        text        NOT NULL,
    api_key_hash text       NOT NULL DEFAULT encode(digest(gen_random_bytes(32), 'sha256'), 'hex'),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS podcast (
    podcast_id  uuid        PRIMARY KEY DEFAULT uuid_generate_v4(),
    tenant_id   uuid        NOT NULL REFERENCES tenant (tenant_id) ON DELETE CASCADE,
    title       text        NOT NULL,
    feed_url    text        NOT NULL,
    language    text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, feed_url)
);

CREATE TABLE IF NOT EXISTS episode (
    episode_id    uuid        PRIMARY KEY DEFAULT uuid_generate_v4(),
    tenant_id     uuid        NOT NULL REFERENCES tenant (tenant_id) ON DELETE CASCADE,
    podcast_id    uuid        NOT NULL REFERENCES podcast (podcast_id) ON DELETE CASCADE,
    guid          text        NOT NULL,
    title         text        NOT NULL,
    published_at  timestamptz,
    duration_s    integer     CHECK (duration_s >= 0),
    UNIQUE (podcast_id, guid)
);

CREATE TABLE IF NOT EXISTS download (
    tenant_id     uuid        NOT NULL REFERENCES tenant (tenant_id) ON DELETE CASCADE,
    episode_id    uuid        NOT NULL REFERENCES episode (episode_id) ON DELETE CASCADE,
    downloaded_at timestamptz NOT NULL,
    ip_hash       text        NOT NULL,
    user_agent    text,
    country       char(2),
    bytes         bigint      NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS daily_episode_stats (
    tenant_id   uuid    NOT NULL REFERENCES tenant (tenant_id) ON DELETE CASCADE,
    episode_id  uuid    NOT NULL REFERENCES episode (episode_id) ON DELETE CASCADE,
    day         date    NOT NULL,
    downloads   integer NOT NULL DEFAULT 0,
    listeners   integer NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, episode_id, day)
);

-- Columns added after the first release: still idempotent.
ALTER TABLE episode ADD COLUMN IF NOT EXISTS season integer;
ALTER TABLE episode ADD COLUMN IF NOT EXISTS explicit boolean NOT NULL DEFAULT false;

-- Tenant indexes: every tenant-scoped query filters by tenant_id first.
CREATE INDEX IF NOT EXISTS podcast_tenant_idx ON podcast (tenant_id, created_at);
CREATE INDEX IF NOT EXISTS episode_tenant_published_idx ON episode (tenant_id, published_at DESC);
CREATE INDEX IF NOT EXISTS download_tenant_time_idx ON download (tenant_id, downloaded_at);
CREATE INDEX IF NOT EXISTS download_episode_idx ON download (episode_id, downloaded_at);

-- Search as you type.
CREATE INDEX IF NOT EXISTS podcast_title_trgm_idx ON podcast USING gin (title gin_trgm_ops);
CREATE INDEX IF NOT EXISTS episode_title_trgm_idx ON episode USING gin (title gin_trgm_ops);

CREATE OR REPLACE FUNCTION episode_search(p_tenant uuid, p_query text)
    RETURNS SETOF episode
    LANGUAGE sql STABLE AS $$
    SELECT * FROM episode
    WHERE tenant_id = p_tenant AND title % p_query
    ORDER BY similarity(title, p_query) DESC
    LIMIT 20
$$;

CREATE OR REPLACE VIEW episode_downloads_30d AS
SELECT d.tenant_id, d.episode_id, count(*) AS downloads
FROM download d
WHERE d.downloaded_at > now() - interval '30 days'
GROUP BY d.tenant_id, d.episode_id;

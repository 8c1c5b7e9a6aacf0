-- Every migration run is logged, before and after, in public (outside the schemas Flyway manages).
CREATE TABLE IF NOT EXISTS public.studio_migration_log (
    id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at    timestamptz NOT NULL DEFAULT now(),
    event text        NOT NULL
);
INSERT INTO public.studio_migration_log (event) VALUES ('before migrate');

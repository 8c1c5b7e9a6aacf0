-- Kinds of objects the snapshot does not compare, with how many of each the database has: user-defined ones, not
-- created by an extension. Schema-bound kinds count only the snapshot's schemas; large objects count all. Kinds with
-- none are left out. Parameter 1: schema names (text[]).
WITH ns AS MATERIALIZED (
    SELECT oid FROM pg_namespace WHERE nspname = ANY (?)
), ext AS MATERIALIZED (
    SELECT classid, objid FROM pg_depend WHERE deptype = 'e'
), counts (kind, n) AS (
    SELECT 'column privilege (views, foreign tables)', count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND c.relkind NOT IN ('r', 'p') -- those of tables are compared
      AND c.relnamespace IN (SELECT oid FROM ns)
      AND NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_class'::regclass AND objid = c.oid)
    UNION ALL
    SELECT 'extended statistics (foreign tables)', count(*) FROM pg_statistic_ext x JOIN pg_class c ON c.oid = x.stxrelid
    WHERE c.relkind NOT IN ('r', 'p', 'm') -- those of tables and materialized views are compared
      AND c.relnamespace IN (SELECT oid FROM ns)
      AND NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_statistic_ext'::regclass AND objid = x.oid)
    UNION ALL
    SELECT 'large object', count(*) FROM pg_largeobject_metadata x
)
SELECT kind, n::int AS count FROM counts WHERE n > 0 ORDER BY kind

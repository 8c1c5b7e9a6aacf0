-- Kinds of objects the snapshot does not compare, with how many of each the database has: user-defined ones (OID at
-- least 16384, so not built in), not created by an extension. Schema-bound kinds count only the snapshot's schemas;
-- database-wide kinds (event triggers, publications, ...) count all. Kinds with none are left out.
-- Parameter 1: schema names (text[]).
WITH ns AS MATERIALIZED (
    SELECT oid FROM pg_namespace WHERE nspname = ANY (?)
), ext AS MATERIALIZED (
    SELECT classid, objid FROM pg_depend WHERE deptype = 'e'
), counts (kind, n) AS (
    SELECT 'aggregate', count(*) FROM pg_proc x
    WHERE x.prokind = 'a' AND x.pronamespace IN (SELECT oid FROM ns)
      AND NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_proc'::regclass AND objid = x.oid)
    UNION ALL
    SELECT 'column privilege', count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND c.relnamespace IN (SELECT oid FROM ns)
      AND NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_class'::regclass AND objid = c.oid)
    UNION ALL
    SELECT 'default privilege', count(*) FROM pg_default_acl x
    UNION ALL
    SELECT 'event trigger', count(*) FROM pg_event_trigger x
    WHERE NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_event_trigger'::regclass AND objid = x.oid)
    UNION ALL
    SELECT 'extended statistics', count(*) FROM pg_statistic_ext x
    WHERE x.stxnamespace IN (SELECT oid FROM ns)
      AND NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_statistic_ext'::regclass AND objid = x.oid)
    UNION ALL
    SELECT 'foreign data wrapper', count(*) FROM pg_foreign_data_wrapper x
    WHERE NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_foreign_data_wrapper'::regclass AND objid = x.oid)
    UNION ALL
    SELECT 'foreign server', count(*) FROM pg_foreign_server x
    WHERE NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_foreign_server'::regclass AND objid = x.oid)
    UNION ALL
    SELECT 'foreign table', count(*) FROM pg_class x
    WHERE x.relkind = 'f' AND x.relnamespace IN (SELECT oid FROM ns)
      AND NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_class'::regclass AND objid = x.oid)
    UNION ALL
    SELECT 'large object', count(*) FROM pg_largeobject_metadata x
    UNION ALL
    SELECT 'publication', count(*) FROM pg_publication x
    UNION ALL
    SELECT 'rule', count(*) FROM pg_rewrite x JOIN pg_class c ON c.oid = x.ev_class
    WHERE x.rulename <> '_RETURN' AND c.relnamespace IN (SELECT oid FROM ns)
      AND NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_class'::regclass AND objid = c.oid)
    UNION ALL
    SELECT 'text search configuration', count(*) FROM pg_ts_config x
    WHERE x.cfgnamespace IN (SELECT oid FROM ns)
      AND NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_ts_config'::regclass AND objid = x.oid)
    UNION ALL
    SELECT 'text search dictionary', count(*) FROM pg_ts_dict x
    WHERE x.dictnamespace IN (SELECT oid FROM ns)
      AND NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_ts_dict'::regclass AND objid = x.oid)
    UNION ALL
    SELECT 'text search parser', count(*) FROM pg_ts_parser x
    WHERE x.prsnamespace IN (SELECT oid FROM ns)
      AND NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_ts_parser'::regclass AND objid = x.oid)
    UNION ALL
    SELECT 'text search template', count(*) FROM pg_ts_template x
    WHERE x.tmplnamespace IN (SELECT oid FROM ns)
      AND NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_ts_template'::regclass AND objid = x.oid)
)
SELECT kind, n::int AS count FROM counts WHERE n > 0 ORDER BY kind

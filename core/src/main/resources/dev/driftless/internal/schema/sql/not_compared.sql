-- Kinds of objects the snapshot does not compare, with how many of each the database has: user-defined ones (OID at
-- least 16384, so not built in), not created by an extension. Schema-bound kinds count only the snapshot's schemas;
-- database-wide kinds (casts, access methods, ...) count all. Kinds with none are left out.
-- Parameter 1: schema names (text[]).
WITH ns AS MATERIALIZED (
    SELECT oid FROM pg_namespace WHERE nspname = ANY (?)
), ext AS MATERIALIZED (
    SELECT classid, objid FROM pg_depend WHERE deptype = 'e'
), counts (kind, n) AS (
    SELECT 'access method', count(*) FROM pg_am x
    WHERE x.oid >= 16384 AND NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_am'::regclass AND objid = x.oid)
    UNION ALL
    SELECT 'cast', count(*) FROM pg_cast x
    WHERE x.oid >= 16384 AND NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_cast'::regclass AND objid = x.oid)
      AND NOT EXISTS (SELECT 1 FROM pg_depend d -- the casts a range type brings to its multirange type
                      WHERE d.classid = 'pg_cast'::regclass AND d.objid = x.oid AND d.deptype = 'i')
    UNION ALL
    SELECT 'column privilege (views, foreign tables)', count(*) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
    WHERE a.attacl IS NOT NULL AND a.attnum > 0 AND c.relkind NOT IN ('r', 'p') -- those of tables are compared
      AND c.relnamespace IN (SELECT oid FROM ns)
      AND NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_class'::regclass AND objid = c.oid)
    UNION ALL
    SELECT 'conversion', count(*) FROM pg_conversion x
    WHERE x.connamespace IN (SELECT oid FROM ns)
      AND NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_conversion'::regclass AND objid = x.oid)
    UNION ALL
    SELECT 'extended statistics (foreign tables)', count(*) FROM pg_statistic_ext x JOIN pg_class c ON c.oid = x.stxrelid
    WHERE c.relkind NOT IN ('r', 'p', 'm') -- those of tables and materialized views are compared
      AND c.relnamespace IN (SELECT oid FROM ns)
      AND NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_statistic_ext'::regclass AND objid = x.oid)
    UNION ALL
    SELECT 'large object', count(*) FROM pg_largeobject_metadata x
    UNION ALL
    SELECT 'operator', count(*) FROM pg_operator x
    WHERE x.oprnamespace IN (SELECT oid FROM ns)
      AND NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_operator'::regclass AND objid = x.oid)
    UNION ALL
    SELECT 'operator class', count(*) FROM pg_opclass x
    WHERE x.opcnamespace IN (SELECT oid FROM ns)
      AND NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_opclass'::regclass AND objid = x.oid)
    UNION ALL
    SELECT 'operator family', count(*) FROM pg_opfamily x
    WHERE x.opfnamespace IN (SELECT oid FROM ns)
      AND NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_opfamily'::regclass AND objid = x.oid)
    UNION ALL
    SELECT 'range or base type', count(*) FROM pg_type x
    WHERE x.typtype IN ('b', 'r') -- not 'm': a range type brings its multirange type
      AND x.typcategory <> 'A' -- not the array type of another type
      AND x.typnamespace IN (SELECT oid FROM ns)
      AND NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_type'::regclass AND objid = x.oid)
    UNION ALL
    SELECT 'tablespace', count(*) FROM pg_tablespace x
    WHERE x.spcname NOT IN ('pg_default', 'pg_global')
    UNION ALL
    SELECT 'transform', count(*) FROM pg_transform x
    WHERE NOT EXISTS (SELECT 1 FROM ext WHERE classid = 'pg_transform'::regclass AND objid = x.oid)
)
SELECT kind, n::int AS count FROM counts WHERE n > 0 ORDER BY kind

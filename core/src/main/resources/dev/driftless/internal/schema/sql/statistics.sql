-- Extended statistics (CREATE STATISTICS) on tables and materialized views, read with their table: the table's
-- schema decides, the statistics object's own schema is kept. Not those of extensions. Parameter 1: schema names
-- (text[]). stxstattarget is -1 for the default up to PostgreSQL 16 and NULL from 17 (an int2 then): NULLIF on int
-- reads both. The kind 'e' (expression statistics) comes with every expression and is not one people ask for.
SELECT n.nspname AS schema,
       c.relname AS table_name,
       sn.nspname AS statistics_schema,
       x.stxname AS name,
       ARRAY(SELECT CASE k WHEN 'd' THEN 'ndistinct' WHEN 'f' THEN 'dependencies' WHEN 'm' THEN 'mcv' END
             FROM unnest(x.stxkind) k
             WHERE k IN ('d', 'f', 'm')
             ORDER BY position(k IN 'dfm')) AS kinds,
       pg_get_statisticsobjdef_columns(x.oid) AS columns,
       NULLIF(x.stxstattarget::int, -1) AS statistics_target,
       pg_get_userbyid(x.stxowner) AS owner,
       ds.description AS comment
FROM pg_statistic_ext x
JOIN pg_namespace sn ON sn.oid = x.stxnamespace
JOIN pg_class c ON c.oid = x.stxrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_description ds ON ds.objoid = x.oid AND ds.classoid = 'pg_statistic_ext'::regclass AND ds.objsubid = 0
WHERE c.relkind IN ('r', 'p', 'm')
  AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_statistic_ext'::regclass AND d.objid = x.oid AND d.deptype = 'e')
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY 1, 2, 3, 4

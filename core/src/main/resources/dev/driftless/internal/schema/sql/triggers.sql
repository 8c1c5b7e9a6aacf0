-- User triggers on tables, views and materialized views (not the internal ones behind foreign keys). Parameter 1: schema names (text[]).
SELECT n.nspname AS schema,
       c.relname AS table_name,
       tg.tgname AS name,
       pg_get_triggerdef(tg.oid, true) AS definition,
       CASE tg.tgenabled WHEN 'O' THEN 'ORIGIN' WHEN 'D' THEN 'DISABLED' WHEN 'R' THEN 'REPLICA' WHEN 'A' THEN 'ALWAYS'
       END AS enabled,
       obj_description(tg.oid, 'pg_trigger') AS comment
FROM pg_trigger tg
JOIN pg_class c ON c.oid = tg.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT tg.tgisinternal
  AND c.relkind IN ('r', 'p', 'v', 'm')
  AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY 1, 2, 3

-- Views and materialized views, not created by extensions. Parameter 1: schema names (text[]).
SELECT n.nspname AS schema,
       c.relname AS name,
       c.relkind = 'm' AS materialized,
       pg_get_viewdef(c.oid, true) AS definition,
       c.reloptions AS options,
       pg_get_userbyid(c.relowner) AS owner,
       c.relacl::text[] AS privileges,
       obj_description(c.oid, 'pg_class') AS comment,
       ts.spcname AS tablespace -- none when in the database's default tablespace (reltablespace 0)
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_tablespace ts ON ts.oid = c.reltablespace
WHERE c.relkind IN ('v', 'm')
  AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY 1, 2

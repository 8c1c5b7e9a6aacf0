-- Collations created with CREATE COLLATION, not by extensions. Parameter 1: schema names (text[]).
-- PostgreSQL 17 renamed colliculocale to colllocale and added the builtin provider.
SELECT n.nspname AS schema,
       c.collname AS name,
       CASE c.collprovider WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' WHEN 'b' THEN 'builtin' ELSE 'default' END
           AS provider,
       c.collcollate AS lc_collate,
       c.collctype AS lc_ctype,
       c.colllocale AS locale,
       c.collicurules AS rules,
       c.collisdeterministic AS deterministic,
       pg_get_userbyid(c.collowner) AS owner,
       ds.description AS comment
FROM pg_collation c
JOIN pg_namespace n ON n.oid = c.collnamespace
LEFT JOIN pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_collation'::regclass AND ds.objsubid = 0
WHERE n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_collation'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY 1, 2

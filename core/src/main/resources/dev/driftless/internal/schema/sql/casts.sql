-- Casts created with CREATE CAST (OID at least 16384, so not built in), not by extensions, and not the casts a range
-- type brings to its multirange type (an internal dependency). Casts belong to the whole database: one is read when
-- its types and function all live in the snapshot's schemas or in pg_catalog. Parameter 1: schema names (text[]).
WITH ns AS MATERIALIZED (
    SELECT oid FROM pg_namespace WHERE nspname = ANY (?) OR nspname = 'pg_catalog'
)
SELECT format_type(c.castsource, NULL) AS source,
       format_type(c.casttarget, NULL) AS target,
       CASE c.castmethod WHEN 'f' THEN 'WITH FUNCTION ' || c.castfunc::regprocedure::text
                         WHEN 'i' THEN 'WITH INOUT' ELSE 'WITHOUT FUNCTION' END AS method,
       CASE c.castcontext WHEN 'e' THEN 'explicit' WHEN 'a' THEN 'assignment' ELSE 'implicit' END AS context,
       ds.description AS comment
FROM pg_cast c
JOIN pg_type st ON st.oid = c.castsource
JOIN pg_type tt ON tt.oid = c.casttarget
LEFT JOIN pg_proc p ON p.oid = c.castfunc
LEFT JOIN pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_cast'::regclass AND ds.objsubid = 0
WHERE c.oid >= 16384
  AND st.typnamespace IN (SELECT oid FROM ns) AND tt.typnamespace IN (SELECT oid FROM ns)
  AND (p.oid IS NULL OR p.pronamespace IN (SELECT oid FROM ns))
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_cast'::regclass AND d.objid = c.oid AND d.deptype IN ('e', 'i'))
ORDER BY 1, 2

-- Transforms (CREATE TRANSFORM), not created by extensions. They belong to the whole database: one is read when its
-- type and functions live in the snapshot's schemas or in pg_catalog. Parameter 1: schema names (text[]).
WITH ns AS MATERIALIZED (
    SELECT oid FROM pg_namespace WHERE nspname = ANY (?) OR nspname = 'pg_catalog'
)
SELECT format_type(t.trftype, NULL) AS type,
       l.lanname AS language,
       CASE WHEN t.trffromsql <> 0 THEN t.trffromsql::regprocedure::text END AS from_sql,
       CASE WHEN t.trftosql <> 0 THEN t.trftosql::regprocedure::text END AS to_sql,
       ds.description AS comment
FROM pg_transform t
JOIN pg_type ty ON ty.oid = t.trftype
JOIN pg_language l ON l.oid = t.trflang
LEFT JOIN pg_description ds ON ds.objoid = t.oid AND ds.classoid = 'pg_transform'::regclass AND ds.objsubid = 0
WHERE ty.typnamespace IN (SELECT oid FROM ns)
  AND NOT EXISTS (SELECT 1 FROM pg_proc p WHERE p.oid IN (t.trffromsql, t.trftosql)
                  AND p.pronamespace NOT IN (SELECT oid FROM ns))
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_transform'::regclass AND d.objid = t.oid AND d.deptype = 'e')
ORDER BY 1, 2

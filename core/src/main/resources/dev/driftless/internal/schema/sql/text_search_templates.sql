-- Text search templates, not created by extensions (nor built in: those live in pg_catalog), with their functions.
-- Parameter 1: schema names (text[]).
SELECT n.nspname AS schema,
       t.tmplname AS name,
       NULLIF(t.tmplinit::text, '-') AS init_function,
       t.tmpllexize::text AS lexize_function,
       ds.description AS comment
FROM pg_ts_template t
JOIN pg_namespace n ON n.oid = t.tmplnamespace
LEFT JOIN pg_description ds ON ds.objoid = t.oid AND ds.classoid = 'pg_ts_template'::regclass AND ds.objsubid = 0
WHERE n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_ts_template'::regclass AND d.objid = t.oid AND d.deptype = 'e')
ORDER BY 1, 2

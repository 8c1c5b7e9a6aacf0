-- Access methods created with CREATE ACCESS METHOD (OID at least 16384, so not built in), not by extensions. They
-- belong to the whole database: one is read when its handler lives in the snapshot's schemas or in pg_catalog.
-- Parameter 1: schema names (text[]).
SELECT a.amname AS name,
       CASE a.amtype WHEN 't' THEN 'TABLE' WHEN 'i' THEN 'INDEX' ELSE a.amtype::text END AS type,
       a.amhandler::text AS handler,
       ds.description AS comment
FROM pg_am a
JOIN pg_proc p ON p.oid = a.amhandler
JOIN pg_namespace n ON n.oid = p.pronamespace
LEFT JOIN pg_description ds ON ds.objoid = a.oid AND ds.classoid = 'pg_am'::regclass AND ds.objsubid = 0
WHERE a.oid >= 16384
  AND (n.nspname = ANY (?) OR n.nspname = 'pg_catalog')
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_am'::regclass AND d.objid = a.oid AND d.deptype = 'e')
ORDER BY 1

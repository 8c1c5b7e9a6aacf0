-- Text search parsers, not created by extensions (nor built in: those live in pg_catalog), with their functions.
-- Parameter 1: schema names (text[]).
SELECT n.nspname AS schema,
       p.prsname AS name,
       p.prsstart::text AS start_function,
       p.prstoken::text AS token_function,
       p.prsend::text AS end_function,
       p.prslextype::text AS lextypes_function,
       NULLIF(p.prsheadline::text, '-') AS headline_function,
       ds.description AS comment
FROM pg_ts_parser p
JOIN pg_namespace n ON n.oid = p.prsnamespace
LEFT JOIN pg_description ds ON ds.objoid = p.oid AND ds.classoid = 'pg_ts_parser'::regclass AND ds.objsubid = 0
WHERE n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_ts_parser'::regclass AND d.objid = p.oid AND d.deptype = 'e')
ORDER BY 1, 2

-- Encoding conversions (CREATE CONVERSION), not created by extensions. Parameter 1: schema names (text[]).
SELECT n.nspname AS schema,
       c.conname AS name,
       pg_encoding_to_char(c.conforencoding) AS source_encoding,
       pg_encoding_to_char(c.contoencoding) AS target_encoding,
       c.conproc::text AS function,
       c.condefault AS is_default,
       pg_get_userbyid(c.conowner) AS owner,
       ds.description AS comment
FROM pg_conversion c
JOIN pg_namespace n ON n.oid = c.connamespace
LEFT JOIN pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_conversion'::regclass AND ds.objsubid = 0
WHERE n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_conversion'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY 1, 2

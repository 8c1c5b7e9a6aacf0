-- Rules (CREATE RULE) on tables and views, not the _RETURN rule of a view, not on relations of extensions.
-- Parameter 1: schema names (text[]). The definition is pg_get_ruledef's pretty text on one line: its line breaks
-- and the indentation after them become one space, and the closing semicolon goes (escape strings, so the patterns
-- read the same whatever standard_conforming_strings says).
SELECT n.nspname AS schema,
       c.relname AS table_name,
       r.rulename AS name,
       CASE r.ev_type WHEN '1' THEN 'SELECT' WHEN '2' THEN 'UPDATE' WHEN '3' THEN 'INSERT' WHEN '4' THEN 'DELETE' END
           AS event,
       regexp_replace(regexp_replace(pg_get_ruledef(r.oid, true), E'\\s*\\n\\s*', ' ', 'g'), E';\\s*$', '')
           AS definition,
       CASE r.ev_enabled WHEN 'O' THEN 'ORIGIN' WHEN 'D' THEN 'DISABLED' WHEN 'R' THEN 'REPLICA' WHEN 'A' THEN 'ALWAYS'
       END AS enabled,
       ds.description AS comment
FROM pg_rewrite r
JOIN pg_class c ON c.oid = r.ev_class
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_description ds ON ds.objoid = r.oid AND ds.classoid = 'pg_rewrite'::regclass AND ds.objsubid = 0
WHERE r.rulename <> '_RETURN'
  AND c.relkind IN ('r', 'p', 'v')
  AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY 1, 2, 3

-- Sequences owned by a column: serial columns (dependency type 'a') and identity columns ('i'). Core's snapshot
-- leaves identity sequences out (they belong to the column), but seed moves them too. Rows of tables columns.sql
-- leaves out are dropped by the reader.
SELECT n.nspname  AS schema_name,
       c.relname  AS table_name,
       a.attname  AS column_name,
       sn.nspname AS sequence_schema,
       s.relname  AS sequence_name
FROM pg_catalog.pg_depend d
JOIN pg_catalog.pg_class s ON s.oid = d.objid AND s.relkind = 'S'
JOIN pg_catalog.pg_namespace sn ON sn.oid = s.relnamespace
JOIN pg_catalog.pg_class c ON c.oid = d.refobjid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.refobjsubid
WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
  AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
  AND d.deptype IN ('a', 'i')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')

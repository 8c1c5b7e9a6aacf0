-- Primary keys, unique, foreign key and check constraints of user tables, with their columns in key order.
-- Constraints a partition inherits from its parent are left out: fixtures name the parent. Rows of tables
-- columns.sql leaves out are dropped by the reader.
SELECT con.conname                                   AS constraint_name,
       con.contype                                   AS constraint_type,
       n.nspname                                     AS schema_name,
       c.relname                                     AS table_name,
       rn.nspname                                    AS ref_schema_name,
       rc.relname                                    AS ref_table_name,
       con.condeferrable                             AS deferrable,
       ARRAY(SELECT a.attname
             FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
             ORDER BY k.ord)                         AS columns,
       ARRAY(SELECT a.attname
             FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
             ORDER BY k.ord)                         AS ref_columns
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
WHERE con.contype IN ('p', 'u', 'f', 'c')
  AND con.conparentid = 0
  AND NOT c.relispartition
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
ORDER BY n.nspname, c.relname, con.conname

-- Every column of every ordinary or partitioned table outside the system schemas, in column order.
-- cast_type is the type without modifiers: fixture values are sent as text and cast to it, so the server parses them.
SELECT n.nspname                                         AS schema_name,
       c.relname                                         AS table_name,
       pg_catalog.pg_table_is_visible(c.oid)             AS visible,
       a.attname                                         AS column_name,
       pg_catalog.format_type(a.atttypid, NULL)          AS cast_type,
       pg_catalog.format_type(a.atttypid, a.atttypmod)   AS display_type,
       bt.typname                                        AS base_type,
       bt.typcategory                                    AS base_category,
       a.attnotnull                                      AS not_null,
       a.attidentity                                     AS identity,
       a.attgenerated                                    AS generated,
       CASE WHEN bt.oid IN (1042, 1043) AND a.atttypmod > 4 THEN a.atttypmod - 4 END AS max_length
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
JOIN pg_catalog.pg_type bt ON bt.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
WHERE c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%'
  AND n.nspname NOT LIKE 'pg\_temp%'
ORDER BY n.nspname, c.relname, a.attnum

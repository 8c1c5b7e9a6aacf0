-- Every column of every table fixtures can name, in column order. This query alone decides which tables those are
-- (the constraints and sequences of other tables are dropped by the reader). The filter is core's SchemaInspector's
-- (schemas.sql, tables.sql): ordinary and partitioned tables outside pg_catalog, information_schema, pg_toast* and
-- pg_temp*, leaving out what an extension created (its tables, and the schemas it created). Two differences, both
-- because fixtures are data, not definitions: partitions are left out (rows go in through the parent, which routes
-- them), and an extension's configuration tables (pg_extension_config_dump, e.g. PostGIS's spatial_ref_sys) are kept,
-- because their rows are the user's, as pg_dump treats them.
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
  AND n.nspname NOT LIKE 'pg\_temp\_%'
  AND (NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                   WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid
                     AND d.deptype = 'e')
       AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                       WHERE d.classid = 'pg_catalog.pg_namespace'::pg_catalog.regclass AND d.objid = n.oid
                         AND d.deptype = 'e')
       OR EXISTS (SELECT 1 FROM pg_catalog.pg_extension e WHERE c.oid = ANY (e.extconfig)))
ORDER BY n.nspname, c.relname, a.attnum

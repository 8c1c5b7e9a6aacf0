-- Live columns of regular, partitioned and foreign tables, in table order (the reader numbers them 1, 2, ... so that
-- dropped columns leave no gap). Parameter 1: schema names (text[]).
-- attcompression exists from PostgreSQL 14, the oldest supported version. Comments are joined from pg_description
-- rather than read with col_description(), which runs a query per column.
WITH rel AS MATERIALIZED (
    SELECT c.oid, n.nspname, c.relname
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'f')
      AND n.nspname = ANY (?)
      AND NOT EXISTS (SELECT 1 FROM pg_depend d
                      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
)
SELECT r.nspname AS schema,
       r.relname AS table_name,
       a.attname AS name,
       quote_ident(a.attname) AS quoted_name,
       a.attnum AS attnum,
       format_type(a.atttypid, a.atttypmod) AS type,
       a.attnotnull AS not_null,
       CASE WHEN a.attgenerated = '' THEN pg_get_expr(ad.adbin, ad.adrelid, true) END AS default_value,
       CASE a.attidentity WHEN 'a' THEN 'ALWAYS' WHEN 'd' THEN 'BY DEFAULT' END AS identity,
       CASE WHEN a.attgenerated <> '' THEN pg_get_expr(ad.adbin, ad.adrelid, true) END AS generated,
       CASE WHEN a.attcollation <> t.typcollation THEN quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END
           AS collation,
       CASE a.attcompression WHEN 'p' THEN 'pglz' WHEN 'l' THEN 'lz4' END AS compression,
       CASE WHEN a.attidentity <> '' THEN
           (SELECT quote_ident(sn.nspname) || '.' || quote_ident(sc.relname) || ' start ' || s.seqstart
                   || ' increment ' || s.seqincrement || ' min ' || s.seqmin || ' max ' || s.seqmax
                   || ' cache ' || s.seqcache || CASE WHEN s.seqcycle THEN ' cycle' ELSE ' no cycle' END
            FROM pg_depend d
            JOIN pg_sequence s ON s.seqrelid = d.objid
            JOIN pg_class sc ON sc.oid = s.seqrelid
            JOIN pg_namespace sn ON sn.oid = sc.relnamespace
            WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
              AND d.refobjid = a.attrelid AND d.refobjsubid = a.attnum AND d.deptype = 'i'
            LIMIT 1) END AS identity_sequence,
       NULLIF(a.attstattarget::int, -1) AS statistics_target, -- NULL for the default from PostgreSQL 17, -1 before
       CASE WHEN a.attstorage <> t.typstorage THEN
           CASE a.attstorage WHEN 'p' THEN 'plain' WHEN 'e' THEN 'external' WHEN 'm' THEN 'main' WHEN 'x' THEN 'extended'
           END END AS storage,
       CASE WHEN NOT a.attislocal THEN 'inherited' WHEN a.attinhcount > 0 THEN 'local and inherited' END AS inheritance,
       ds.description AS comment,
       a.attacl::text[] AS privileges
FROM rel r
JOIN pg_attribute a ON a.attrelid = r.oid
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> t.typcollation
LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
LEFT JOIN pg_description ds ON ds.objoid = a.attrelid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = a.attnum
WHERE a.attnum > 0
  AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum

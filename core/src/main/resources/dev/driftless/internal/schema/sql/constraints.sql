-- Primary key, unique, foreign key, check and exclusion constraints of tables. Parameter 1: schema names (text[]).
-- Not-null constraints (contype 'n', stored here from PostgreSQL 18) are left to the columns. Foreign keys that
-- PostgreSQL clones onto the same table for each partition of a referenced partitioned table are left out.
WITH rel AS MATERIALIZED (
    SELECT c.oid, n.nspname, c.relname
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p')
      AND n.nspname = ANY (?)
      AND NOT EXISTS (SELECT 1 FROM pg_depend d
                      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
)
SELECT r.nspname AS schema,
       r.relname AS table_name,
       con.conname AS name,
       con.contype::text AS type,
       ARRAY(SELECT a.attname
             FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
             ORDER BY k.ord) AS columns,
       pg_get_constraintdef(con.oid, true) AS definition,
       CASE WHEN con.contype = 'f' THEN fn.nspname || '.' || fc.relname END AS referenced_table,
       ARRAY(SELECT a.attname
             FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
             ORDER BY k.ord) AS referenced_columns,
       con.confdeltype::text AS on_delete,
       con.confupdtype::text AS on_update,
       con.confmatchtype::text AS match_type,
       con.condeferrable AS deferrable,
       con.condeferred AS initially_deferred,
       con.convalidated AS validated,
       ds.description AS comment
FROM rel r
JOIN pg_constraint con ON con.conrelid = r.oid
LEFT JOIN pg_class fc ON fc.oid = con.confrelid
LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
LEFT JOIN pg_description ds ON ds.objoid = con.oid AND ds.classoid = 'pg_constraint'::regclass AND ds.objsubid = 0
WHERE con.contype IN ('p', 'u', 'f', 'c', 'x')
  AND NOT (con.contype = 'f' AND con.conparentid <> 0
           AND EXISTS (SELECT 1 FROM pg_constraint p WHERE p.oid = con.conparentid AND p.conrelid = con.conrelid))

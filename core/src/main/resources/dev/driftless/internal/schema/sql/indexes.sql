-- Indexes of tables and materialized views. Each key is a quoted column name, or an expression as pg_get_indexdef prints it, followed by its
-- collation and operator class when not the default and its ordering when not ASC NULLS LAST. Building that text per
-- key costs most of this query, so it is done only for indexes with such a key; for the others "keys" is NULL and the
-- reader names the columns from their numbers, as it does for INCLUDE columns. The whole definition is assembled from
-- these parts by the reader: pg_get_indexdef(oid) costs tens of microseconds per index.
-- Parameter 1: schema names (text[]).
-- PostgreSQL 14 has no NULLS NOT DISTINCT (indexes.pg15.sql reads it).
WITH rel AS MATERIALIZED (
    SELECT c.oid, n.nspname, c.relname, c.relkind
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'm')
      AND n.nspname = ANY (?)
      AND NOT EXISTS (SELECT 1 FROM pg_depend d
                      WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
), special AS MATERIALIZED (
    SELECT array_agg(oid) AS opclasses FROM pg_opclass WHERE NOT opcdefault
)
SELECT r.nspname AS schema,
       r.relname AS table_name,
       quote_ident(r.nspname) || '.' || quote_ident(r.relname) AS quoted_table,
       ic.relname AS name,
       quote_ident(ic.relname) AS quoted_name,
       am.amname AS method,
       i.indisunique AS is_unique,
       i.indkey::int2[] AS column_numbers,
       i.indnkeyatts AS key_count,
       CASE WHEN i.indexprs IS NULL
                 AND r.relkind <> 'm' -- the reader has no column names of materialized views
                 AND 0 = ALL (i.indoption::int2[])
                 AND NOT (i.indclass::oid[] && (SELECT opclasses FROM special))
                 AND i.indcollation::oid[] <@ '{0,100}'::oid[] -- 100: the database default
            THEN NULL ELSE
       ARRAY(SELECT CASE WHEN i.indkey[k - 1] = 0 THEN pg_get_indexdef(i.indexrelid, k, true)
                         ELSE quote_ident(a.attname) END
                    || CASE WHEN co.oid IS NULL THEN ''
                            WHEN cn.nspname = 'pg_catalog' THEN ' COLLATE ' || quote_ident(co.collname)
                            ELSE ' COLLATE ' || quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END
                    || CASE WHEN opc.opcdefault OR opc.opcname IS NULL THEN '' ELSE ' ' || opc.opcname END
                    || CASE WHEN i.indoption[k - 1] & 1 = 1 THEN ' DESC' ELSE '' END
                    || CASE WHEN i.indoption[k - 1] & 1 = 0 AND i.indoption[k - 1] & 2 = 2 THEN ' NULLS FIRST'
                            WHEN i.indoption[k - 1] & 1 = 1 AND i.indoption[k - 1] & 2 = 0 THEN ' NULLS LAST'
                            ELSE '' END
             FROM generate_series(1, i.indnkeyatts) AS k
             LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1]
             LEFT JOIN pg_collation co ON co.oid = i.indcollation[k - 1]
                                      AND co.oid <> COALESCE(a.attcollation, 100) -- 100: the database default
             LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
             LEFT JOIN pg_opclass opc ON opc.oid = i.indclass[k - 1]
             ORDER BY k) END AS keys,
       pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
       false AS nulls_not_distinct,
       ic.reloptions AS options,
       con.conname AS constraint_name,
       ds.description AS comment,
       ts.spcname AS tablespace -- none when in the database's default tablespace (reltablespace 0)
FROM rel r
JOIN pg_index i ON i.indrelid = r.oid
JOIN pg_class ic ON ic.oid = i.indexrelid
LEFT JOIN pg_tablespace ts ON ts.oid = ic.reltablespace
JOIN pg_am am ON am.oid = ic.relam
LEFT JOIN pg_constraint con
       ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')
LEFT JOIN pg_description ds ON ds.objoid = i.indexrelid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0

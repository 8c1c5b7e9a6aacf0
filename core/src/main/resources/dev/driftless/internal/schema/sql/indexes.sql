-- Indexes of tables, with each key as pg_get_indexdef prints it plus its operator class when not the default and its
-- ordering when not ASC NULLS LAST. Parameter 1: schema names (text[]).
-- PostgreSQL 14 has no NULLS NOT DISTINCT (indexes.pg15.sql reads it).
SELECT n.nspname AS schema,
       t.relname AS table_name,
       ic.relname AS name,
       am.amname AS method,
       i.indisunique AS is_unique,
       ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true)
                    || CASE WHEN opc.opcdefault OR opc.opcname IS NULL THEN '' ELSE ' ' || opc.opcname END
                    || CASE WHEN i.indoption[k - 1] & 1 = 1 THEN ' DESC' ELSE '' END
                    || CASE WHEN i.indoption[k - 1] & 1 = 0 AND i.indoption[k - 1] & 2 = 2 THEN ' NULLS FIRST'
                            WHEN i.indoption[k - 1] & 1 = 1 AND i.indoption[k - 1] & 2 = 0 THEN ' NULLS LAST'
                            ELSE '' END
             FROM generate_series(1, i.indnkeyatts) AS k
             LEFT JOIN pg_opclass opc ON opc.oid = i.indclass[k - 1]
             ORDER BY k) AS keys,
       ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true)
             FROM generate_series(i.indnkeyatts + 1, i.indnatts) AS k
             ORDER BY k) AS include,
       pg_get_expr(i.indpred, i.indrelid, true) AS predicate,
       false AS nulls_not_distinct,
       pg_get_indexdef(i.indexrelid) AS definition,
       con.conname AS constraint_name,
       obj_description(ic.oid, 'pg_class') AS comment
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_class t ON t.oid = i.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
JOIN pg_am am ON am.oid = ic.relam
LEFT JOIN pg_constraint con
       ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')
WHERE t.relkind IN ('r', 'p')
  AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = t.oid AND d.deptype = 'e')
ORDER BY 1, 2, 3

-- Regular and partitioned tables, not created by extensions. Parameter 1: schema names (text[]).
SELECT n.nspname AS schema,
       c.relname AS name,
       c.relpersistence = 'u' AS unlogged,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
       c.relispartition AS is_partition,
       CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid, true) END AS partition_bound,
       ARRAY(SELECT pn.nspname || '.' || pc.relname
             FROM pg_inherits i
             JOIN pg_class pc ON pc.oid = i.inhparent
             JOIN pg_namespace pn ON pn.oid = pc.relnamespace
             WHERE i.inhrelid = c.oid
             ORDER BY i.inhseqno) AS parents,
       c.reloptions AS options,
       c.relrowsecurity AS row_security,
       c.relforcerowsecurity AS force_row_security,
       CASE c.relreplident WHEN 'n' THEN 'NOTHING' WHEN 'f' THEN 'FULL'
           WHEN 'i' THEN 'USING INDEX ' || (SELECT quote_ident(ic.relname)
                                            FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
                                            WHERE i.indrelid = c.oid AND i.indisreplident)
       END AS replica_identity,
       pg_get_userbyid(c.relowner) AS owner,
       c.relacl::text[] AS privileges,
       ds.description AS comment,
       ts.spcname AS tablespace -- none when in the database's default tablespace (reltablespace 0)
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_tablespace ts ON ts.oid = c.reltablespace
LEFT JOIN pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0
WHERE c.relkind IN ('r', 'p')
  AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY 1, 2

-- Foreign tables, not created by extensions, with their server, options, check constraints, parents (a partition's
-- parent, or those of INHERITS) and partition bound; their columns come from columns.sql.
-- Parameter 1: schema names (text[]).
-- Options: an option whose name says it can hold a secret (pass, secret, token, key, credential, auth, pwd, any case)
-- gives its name only; its value is never read (docs/schema-diff.md). The same rule in every foreign-data query.
SELECT n.nspname AS schema,
       c.relname AS name,
       s.srvname AS server,
       ARRAY(SELECT CASE WHEN o.option_name ~* '(pass|secret|token|key|credential|auth|pwd)' THEN o.option_name
                         ELSE o.option_name || '=' || o.option_value END
             FROM pg_options_to_table(f.ftoptions) o ORDER BY 1) AS options,
       ARRAY(SELECT quote_ident(a.attname) || ' '
                    || CASE WHEN o.option_name ~* '(pass|secret|token|key|credential|auth|pwd)' THEN o.option_name
                            ELSE o.option_name || '=' || o.option_value END
             FROM pg_attribute a, pg_options_to_table(a.attfdwoptions) o
             WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY a.attnum, o.option_name) AS column_options,
       ARRAY(SELECT quote_ident(x.conname) || ' ' || pg_get_constraintdef(x.oid)
             FROM pg_constraint x WHERE x.conrelid = c.oid AND x.contype = 'c' -- NOT NULL (18) stays with the columns
             ORDER BY x.conname) AS constraints,
       ARRAY(SELECT pn.nspname || '.' || pc.relname
             FROM pg_inherits i
             JOIN pg_class pc ON pc.oid = i.inhparent
             JOIN pg_namespace pn ON pn.oid = pc.relnamespace
             WHERE i.inhrelid = c.oid
             ORDER BY i.inhseqno) AS parents,
       CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid, true) END AS partition_bound,
       pg_get_userbyid(c.relowner) AS owner,
       c.relacl::text[] AS privileges,
       ds.description AS comment
FROM pg_foreign_table f
JOIN pg_class c ON c.oid = f.ftrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_foreign_server s ON s.oid = f.ftserver
LEFT JOIN pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_class'::regclass AND ds.objsubid = 0
WHERE n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY 1, 2

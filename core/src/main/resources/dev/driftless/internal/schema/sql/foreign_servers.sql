-- Foreign servers (database-wide), not created by extensions. Parameter: none.
-- Options: an option whose name says it can hold a secret (pass, secret, token, key, credential, auth, pwd, any case)
-- gives its name only; its value is never read (docs/schema-diff.md). The same rule in every foreign-data query.
SELECT s.srvname AS name,
       w.fdwname AS wrapper,
       s.srvtype AS type,
       s.srvversion AS version,
       ARRAY(SELECT CASE WHEN o.option_name ~* '(pass|secret|token|key|credential|auth|pwd)' THEN o.option_name
                         ELSE o.option_name || '=' || o.option_value END
             FROM pg_options_to_table(s.srvoptions) o ORDER BY 1) AS options,
       pg_get_userbyid(s.srvowner) AS owner,
       s.srvacl::text[] AS privileges,
       ds.description AS comment
FROM pg_foreign_server s
JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw
LEFT JOIN pg_description ds ON ds.objoid = s.oid AND ds.classoid = 'pg_foreign_server'::regclass AND ds.objsubid = 0
WHERE NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_foreign_server'::regclass AND d.objid = s.oid AND d.deptype = 'e')
ORDER BY 1

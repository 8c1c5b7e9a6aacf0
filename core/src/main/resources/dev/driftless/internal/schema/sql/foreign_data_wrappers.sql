-- Foreign data wrappers (database-wide), not created by extensions. Parameter: none.
-- Options: an option whose name says it can hold a secret (pass, secret, token, key, credential, auth, pwd, any case)
-- gives its name only; its value is never read (docs/schema-diff.md). The same rule in every foreign-data query.
SELECT w.fdwname AS name,
       NULLIF(w.fdwhandler::regproc::text, '-') AS handler,
       NULLIF(w.fdwvalidator::regproc::text, '-') AS validator,
       ARRAY(SELECT CASE WHEN o.option_name ~* '(pass|secret|token|key|credential|auth|pwd)' THEN o.option_name
                         ELSE o.option_name || '=' || o.option_value END
             FROM pg_options_to_table(w.fdwoptions) o ORDER BY 1) AS options,
       pg_get_userbyid(w.fdwowner) AS owner,
       w.fdwacl::text[] AS privileges,
       ds.description AS comment
FROM pg_foreign_data_wrapper w
LEFT JOIN pg_description ds ON ds.objoid = w.oid AND ds.classoid = 'pg_foreign_data_wrapper'::regclass
    AND ds.objsubid = 0
WHERE NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_foreign_data_wrapper'::regclass AND d.objid = w.oid AND d.deptype = 'e')
ORDER BY 1

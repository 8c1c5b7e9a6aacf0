-- Default privileges (ALTER DEFAULT PRIVILEGES): those in the snapshot's schemas, and the database-wide ones
-- (schema NULL; the reader keeps them only when every schema is read). Parameter 1: schema names (text[]).
-- The privileges are read like a table's: the aclitem[] as text, sorted by the model.
SELECT pg_get_userbyid(a.defaclrole) AS role,
       n.nspname AS schema,
       CASE a.defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences' WHEN 'f' THEN 'functions'
           WHEN 'T' THEN 'types' WHEN 'n' THEN 'schemas' WHEN 'L' THEN 'large objects' ELSE a.defaclobjtype::text
       END AS object_type,
       a.defaclacl::text[] AS privileges
FROM pg_default_acl a
LEFT JOIN pg_namespace n ON n.oid = a.defaclnamespace
WHERE a.defaclnamespace = 0 OR n.nspname = ANY (?)
ORDER BY 1, 2 NULLS FIRST, 3

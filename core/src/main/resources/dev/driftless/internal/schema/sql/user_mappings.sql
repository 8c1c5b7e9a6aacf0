-- User mappings (database-wide): which user has a mapping on which server, and the NAMES of its options. Option
-- values (user names, passwords) are never read. pg_user_mappings shows the options only to those who may see them
-- (the server's owner, the mapped user, superusers); others read no option names. Parameter: none.
SELECT m.usename AS user_name,
       m.srvname AS server,
       ARRAY(SELECT o.option_name FROM pg_options_to_table(m.umoptions) o ORDER BY 1) AS option_names
FROM pg_user_mappings m
JOIN pg_foreign_server s ON s.oid = m.srvid
WHERE NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_foreign_server'::regclass AND d.objid = s.oid AND d.deptype = 'e')
ORDER BY 1, 2

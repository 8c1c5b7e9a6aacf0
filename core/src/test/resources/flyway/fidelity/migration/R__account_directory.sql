-- Re-created whenever this file changes; it reads only what V1 builds, so that it runs at every version.
CREATE OR REPLACE VIEW account_directory AS
SELECT a.id, a.name, a.currency, '${tenant}'::text AS tenant
FROM account a
ORDER BY a.name;

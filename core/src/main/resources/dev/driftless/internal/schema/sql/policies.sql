-- Row-level security policies. Parameter 1: schema names (text[]).
SELECT n.nspname AS schema,
       c.relname AS table_name,
       pol.polname AS name,
       CASE pol.polcmd WHEN '*' THEN 'ALL' WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE'
                       WHEN 'd' THEN 'DELETE' END AS command,
       pol.polpermissive AS permissive,
       ARRAY(SELECT CASE WHEN r = 0 THEN 'public' ELSE pg_get_userbyid(r) END
             FROM unnest(pol.polroles) AS r ORDER BY 1) AS roles,
       pg_get_expr(pol.polqual, pol.polrelid, true) AS using_expression,
       pg_get_expr(pol.polwithcheck, pol.polrelid, true) AS with_check
FROM pg_policy pol
JOIN pg_class c ON c.oid = pol.polrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ANY (?)
ORDER BY 1, 2, 3

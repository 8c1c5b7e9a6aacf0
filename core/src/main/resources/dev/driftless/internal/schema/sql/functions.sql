-- Functions and procedures (not aggregates or window functions), not created by extensions.
-- Parameter 1: schema names (text[]). pg_get_function_sqlbody exists from PostgreSQL 14. Functions that are part of
-- another object (the constructors a range type makes for itself and its multirange type) are left out.
SELECT n.nspname AS schema,
       p.proname AS name,
       oidvectortypes(p.proargtypes) AS argument_types,
       p.prokind = 'p' AS procedure,
       pg_get_function_arguments(p.oid) AS arguments,
       CASE WHEN p.prokind = 'f' THEN pg_get_function_result(p.oid) END AS returns,
       l.lanname AS language,
       CASE p.provolatile WHEN 'i' THEN 'IMMUTABLE' WHEN 's' THEN 'STABLE' ELSE 'VOLATILE' END AS volatility,
       p.proisstrict AS strict,
       p.prosecdef AS security_definer,
       CASE p.proparallel WHEN 's' THEN 'SAFE' WHEN 'r' THEN 'RESTRICTED' ELSE 'UNSAFE' END AS parallel,
       p.proconfig AS settings,
       COALESCE(pg_get_function_sqlbody(p.oid), p.prosrc) AS body,
       pg_get_userbyid(p.proowner) AS owner,
       p.proacl::text[] AS privileges,
       obj_description(p.oid, 'pg_proc') AS comment
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
JOIN pg_language l ON l.oid = p.prolang
WHERE p.prokind IN ('f', 'p')
  AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype IN ('e', 'i'))
ORDER BY 1, 2, 3

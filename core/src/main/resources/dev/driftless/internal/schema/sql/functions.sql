-- Functions, procedures and aggregates (not window functions), not created by extensions; an aggregate's own parts
-- come from pg_aggregate (NULL for the others). Parameter 1: schema names (text[]).
-- pg_get_function_sqlbody exists from PostgreSQL 14. Functions that are part of another object (the constructors a
-- range type makes for itself and its multirange type) are left out.
SELECT n.nspname AS schema,
       p.proname AS name,
       oidvectortypes(p.proargtypes) AS argument_types,
       p.prokind = 'p' AS procedure,
       pg_get_function_arguments(p.oid) AS arguments,
       CASE WHEN p.prokind <> 'p' THEN pg_get_function_result(p.oid) END AS returns,
       l.lanname AS language,
       CASE p.provolatile WHEN 'i' THEN 'IMMUTABLE' WHEN 's' THEN 'STABLE' ELSE 'VOLATILE' END AS volatility,
       p.proisstrict AS strict,
       p.prosecdef AS security_definer,
       CASE p.proparallel WHEN 's' THEN 'SAFE' WHEN 'r' THEN 'RESTRICTED' ELSE 'UNSAFE' END AS parallel,
       p.proconfig AS settings,
       COALESCE(pg_get_function_sqlbody(p.oid), p.prosrc) AS body,
       pg_get_userbyid(p.proowner) AS owner,
       p.proacl::text[] AS privileges,
       obj_description(p.oid, 'pg_proc') AS comment,
       p.prokind = 'a' AS aggregate,
       CASE a.aggkind WHEN 'n' THEN 'normal' WHEN 'o' THEN 'ordered-set' WHEN 'h' THEN 'hypothetical' END
           AS aggregate_kind,
       a.aggtransfn::text AS state_function,
       format_type(a.aggtranstype, NULL) || CASE WHEN a.aggtransspace <> 0 THEN ' SSPACE = ' || a.aggtransspace
                                                 ELSE '' END AS state_type,
       -- FINALFUNC_MODIFY only when not the default (READ_ONLY, READ_WRITE for ordered-set aggregates)
       NULLIF(concat_ws(' ', NULLIF(a.aggfinalfn::text, '-'),
                        CASE WHEN a.aggfinalextra THEN 'FINALFUNC_EXTRA' END,
                        CASE WHEN a.aggfinalfn <> 0 AND a.aggfinalmodify <> CASE a.aggkind WHEN 'n' THEN 'r' ELSE 'w' END
                             THEN 'FINALFUNC_MODIFY = ' || CASE a.aggfinalmodify WHEN 'r' THEN 'READ_ONLY'
                                                                WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END),
              '') AS final_function,
       NULLIF(concat_ws(' ', NULLIF(a.aggcombinefn::text, '-'),
                        CASE WHEN a.aggserialfn <> 0 THEN 'SERIALFUNC = ' || a.aggserialfn::text END,
                        CASE WHEN a.aggdeserialfn <> 0 THEN 'DESERIALFUNC = ' || a.aggdeserialfn::text END),
              '') AS combine_function,
       a.agginitval AS initial_condition,
       CASE WHEN a.aggsortop <> 0 THEN a.aggsortop::regoperator::text END AS sort_operator,
       CASE WHEN a.aggmtransfn <> 0 THEN concat_ws(', ', 'MSFUNC = ' || a.aggmtransfn::text,
           'MINVFUNC = ' || a.aggminvtransfn::text,
           'MSTYPE = ' || format_type(a.aggmtranstype, NULL)
               || CASE WHEN a.aggmtransspace <> 0 THEN ' MSSPACE = ' || a.aggmtransspace ELSE '' END,
           CASE WHEN a.aggmfinalfn <> 0 THEN 'MFINALFUNC = ' || a.aggmfinalfn::text END,
           CASE WHEN a.aggmfinalextra THEN 'MFINALFUNC_EXTRA' END,
           CASE WHEN a.aggmfinalfn <> 0 AND a.aggmfinalmodify <> 'r' THEN 'MFINALFUNC_MODIFY = '
               || CASE a.aggmfinalmodify WHEN 's' THEN 'SHAREABLE' ELSE 'READ_WRITE' END END,
           'MINITCOND = ' || quote_literal(a.aggminitval)) END AS moving
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
JOIN pg_language l ON l.oid = p.prolang
LEFT JOIN pg_aggregate a ON a.aggfnoid = p.oid
WHERE p.prokind IN ('f', 'p', 'a')
  AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype IN ('e', 'i'))
ORDER BY 1, 2, 3

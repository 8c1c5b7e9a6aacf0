-- Operator families (CREATE OPERATOR FAMILY, and the ones CREATE OPERATOR CLASS makes), not created by extensions,
-- with their loose members as pg_dump prints them: the operators and support functions added with ALTER OPERATOR
-- FAMILY (an auto dependency on the family; a class's own members belong to the class). Parameter 1: schema names
-- (text[]). Names outside pg_catalog print schema-qualified.
SELECT n.nspname AS schema,
       f.opfname AS name,
       am.amname AS method,
       ARRAY(SELECT 'OPERATOR ' || ao.amopstrategy || ' ' || ao.amopopr::regoperator::text
                    || CASE WHEN ao.amoppurpose = 'o' THEN ' FOR ORDER BY ' || quote_ident(sfn.nspname) || '.'
                                                           || quote_ident(sf.opfname) ELSE '' END
             FROM pg_depend d
             JOIN pg_amop ao ON ao.oid = d.objid
             LEFT JOIN pg_opfamily sf ON sf.oid = ao.amopsortfamily
             LEFT JOIN pg_namespace sfn ON sfn.oid = sf.opfnamespace
             WHERE d.classid = 'pg_amop'::regclass AND d.refclassid = 'pg_opfamily'::regclass
               AND d.refobjid = f.oid AND d.deptype = 'a'
             ORDER BY ao.amopstrategy, ao.amoplefttype, ao.amoprighttype) AS operators,
       ARRAY(SELECT 'FUNCTION ' || ap.amprocnum || ' (' || format_type(ap.amproclefttype, NULL) || ', '
                    || format_type(ap.amprocrighttype, NULL) || ') ' || ap.amproc::regprocedure::text
             FROM pg_depend d
             JOIN pg_amproc ap ON ap.oid = d.objid
             WHERE d.classid = 'pg_amproc'::regclass AND d.refclassid = 'pg_opfamily'::regclass
               AND d.refobjid = f.oid AND d.deptype = 'a'
             ORDER BY ap.amprocnum, ap.amproclefttype, ap.amprocrighttype) AS functions,
       pg_get_userbyid(f.opfowner) AS owner,
       ds.description AS comment
FROM pg_opfamily f
JOIN pg_namespace n ON n.oid = f.opfnamespace
JOIN pg_am am ON am.oid = f.opfmethod
LEFT JOIN pg_description ds ON ds.objoid = f.oid AND ds.classoid = 'pg_opfamily'::regclass AND ds.objsubid = 0
WHERE n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_opfamily'::regclass AND d.objid = f.oid AND d.deptype = 'e')
ORDER BY 1, 2, 3

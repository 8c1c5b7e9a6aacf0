-- Operator classes (CREATE OPERATOR CLASS), not created by extensions, with their members as pg_dump prints them:
-- the operators and support functions that belong to the class (an internal dependency on it), by number.
-- Parameter 1: schema names (text[]). Names outside pg_catalog print schema-qualified.
SELECT n.nspname AS schema,
       c.opcname AS name,
       am.amname AS method,
       format_type(c.opcintype, NULL) AS type,
       c.opcdefault AS is_default,
       CASE WHEN fn.nspname = 'pg_catalog' THEN quote_ident(f.opfname)
            ELSE quote_ident(fn.nspname) || '.' || quote_ident(f.opfname) END AS family,
       CASE WHEN c.opckeytype <> 0 THEN format_type(c.opckeytype, NULL) END AS storage,
       ARRAY(SELECT 'OPERATOR ' || ao.amopstrategy || ' ' || ao.amopopr::regoperator::text
                    || CASE WHEN ao.amoppurpose = 'o' THEN ' FOR ORDER BY ' || quote_ident(sfn.nspname) || '.'
                                                           || quote_ident(sf.opfname) ELSE '' END
             FROM pg_depend d
             JOIN pg_amop ao ON ao.oid = d.objid
             LEFT JOIN pg_opfamily sf ON sf.oid = ao.amopsortfamily
             LEFT JOIN pg_namespace sfn ON sfn.oid = sf.opfnamespace
             WHERE d.classid = 'pg_amop'::regclass AND d.refclassid = 'pg_opclass'::regclass
               AND d.refobjid = c.oid AND d.deptype = 'i'
             ORDER BY ao.amopstrategy, ao.amoplefttype, ao.amoprighttype) AS operators,
       ARRAY(SELECT 'FUNCTION ' || ap.amprocnum || ' (' || format_type(ap.amproclefttype, NULL) || ', '
                    || format_type(ap.amprocrighttype, NULL) || ') ' || ap.amproc::regprocedure::text
             FROM pg_depend d
             JOIN pg_amproc ap ON ap.oid = d.objid
             WHERE d.classid = 'pg_amproc'::regclass AND d.refclassid = 'pg_opclass'::regclass
               AND d.refobjid = c.oid AND d.deptype = 'i'
             ORDER BY ap.amprocnum, ap.amproclefttype, ap.amprocrighttype) AS functions,
       pg_get_userbyid(c.opcowner) AS owner,
       ds.description AS comment
FROM pg_opclass c
JOIN pg_namespace n ON n.oid = c.opcnamespace
JOIN pg_am am ON am.oid = c.opcmethod
JOIN pg_opfamily f ON f.oid = c.opcfamily
JOIN pg_namespace fn ON fn.oid = f.opfnamespace
LEFT JOIN pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_opclass'::regclass AND ds.objsubid = 0
WHERE n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_opclass'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY 1, 2, 3

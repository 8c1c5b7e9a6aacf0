-- Range types (CREATE TYPE ... AS RANGE), not created by extensions. Parameter 1: schema names (text[]).
-- Names outside pg_catalog print schema-qualified (the reader sets search_path = pg_catalog).
SELECT n.nspname AS schema,
       t.typname AS name,
       format_type(r.rngsubtype, NULL) AS subtype,
       CASE WHEN oc.opcnamespace = 'pg_catalog'::regnamespace THEN quote_ident(oc.opcname)
            ELSE quote_ident(ocn.nspname) || '.' || quote_ident(oc.opcname) END AS subtype_opclass,
       CASE WHEN r.rngcollation <> 0 THEN quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END AS collation,
       CASE WHEN r.rngcanonical <> 0 THEN r.rngcanonical::regproc::text END AS canonical,
       CASE WHEN r.rngsubdiff <> 0 THEN r.rngsubdiff::regproc::text END AS subtype_diff,
       format_type(r.rngmultitypid, NULL) AS multirange_type,
       pg_get_userbyid(t.typowner) AS owner,
       ds.description AS comment
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
JOIN pg_range r ON r.rngtypid = t.oid
JOIN pg_opclass oc ON oc.oid = r.rngsubopc
JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace
LEFT JOIN pg_collation co ON co.oid = r.rngcollation
LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
LEFT JOIN pg_description ds ON ds.objoid = t.oid AND ds.classoid = 'pg_type'::regclass AND ds.objsubid = 0
WHERE t.typtype = 'r'
  AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
ORDER BY 1, 2

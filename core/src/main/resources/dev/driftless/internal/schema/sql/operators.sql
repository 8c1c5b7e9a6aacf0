-- Operators (CREATE OPERATOR), not created by extensions. Parameter 1: schema names (text[]).
-- Names outside pg_catalog print schema-qualified (the reader sets search_path = pg_catalog).
SELECT n.nspname AS schema,
       o.oprname AS name,
       CASE WHEN o.oprleft <> 0 THEN format_type(o.oprleft, NULL) END AS left_type,
       CASE WHEN o.oprright <> 0 THEN format_type(o.oprright, NULL) END AS right_type,
       o.oprcode::text AS function,
       CASE WHEN o.oprcom <> 0 THEN o.oprcom::regoperator::text END AS commutator,
       CASE WHEN o.oprnegate <> 0 THEN o.oprnegate::regoperator::text END AS negator,
       CASE WHEN o.oprrest <> 0 THEN o.oprrest::text END AS restrict,
       CASE WHEN o.oprjoin <> 0 THEN o.oprjoin::text END AS join_function,
       o.oprcanhash AS hashes,
       o.oprcanmerge AS merges,
       pg_get_userbyid(o.oprowner) AS owner,
       ds.description AS comment
FROM pg_operator o
JOIN pg_namespace n ON n.oid = o.oprnamespace
LEFT JOIN pg_description ds ON ds.objoid = o.oid AND ds.classoid = 'pg_operator'::regclass AND ds.objsubid = 0
WHERE n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_operator'::regclass AND d.objid = o.oid AND d.deptype = 'e')
ORDER BY 1, 2, 3, 4

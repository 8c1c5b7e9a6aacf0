-- Base types (CREATE TYPE name (INPUT = ..., OUTPUT = ...)) and shell types (CREATE TYPE name), not created by
-- extensions, not array types. Parameter 1: schema names (text[]). A shell type has no functions: every property but
-- its name, owner and comment is null. Functions outside pg_catalog print schema-qualified.
SELECT n.nspname AS schema,
       t.typname AS name,
       t.typtype = 'p' AS shell,
       CASE WHEN t.typtype = 'b' THEN t.typinput::text END AS input,
       CASE WHEN t.typtype = 'b' THEN t.typoutput::text END AS output,
       CASE WHEN t.typreceive <> 0 THEN t.typreceive::text END AS receive,
       CASE WHEN t.typsend <> 0 THEN t.typsend::text END AS send,
       CASE WHEN t.typmodin <> 0 THEN t.typmodin::text END AS typmod_in,
       CASE WHEN t.typmodout <> 0 THEN t.typmodout::text END AS typmod_out,
       CASE WHEN t.typanalyze <> 0 THEN t.typanalyze::text END AS analyze,
       CASE WHEN t.typsubscript <> 0 THEN t.typsubscript::text END AS subscript,
       CASE WHEN t.typtype <> 'b' THEN NULL WHEN t.typlen = -1 THEN 'VARIABLE' ELSE t.typlen::text END
           AS internal_length,
       CASE WHEN t.typtype = 'b' THEN t.typbyval END AS passed_by_value,
       CASE WHEN t.typtype = 'b' THEN CASE t.typalign WHEN 'c' THEN 'char' WHEN 's' THEN 'int2'
                                                      WHEN 'i' THEN 'int4' ELSE 'double' END END AS alignment,
       CASE WHEN t.typtype = 'b' THEN CASE t.typstorage WHEN 'p' THEN 'plain' WHEN 'e' THEN 'external'
                                                        WHEN 'm' THEN 'main' ELSE 'extended' END END AS storage,
       CASE WHEN t.typtype = 'b' THEN t.typcategory::text END AS category,
       CASE WHEN t.typtype = 'b' THEN t.typispreferred END AS preferred,
       t.typdefault AS default_value,
       CASE WHEN t.typelem <> 0 THEN format_type(t.typelem, NULL) END AS element,
       CASE WHEN t.typtype = 'b' THEN t.typdelim::text END AS delimiter,
       CASE WHEN t.typtype = 'b' THEN t.typcollation <> 0 END AS collatable,
       pg_get_userbyid(t.typowner) AS owner,
       ds.description AS comment
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_description ds ON ds.objoid = t.oid AND ds.classoid = 'pg_type'::regclass AND ds.objsubid = 0
WHERE (t.typtype = 'p' OR (t.typtype = 'b' AND t.typcategory <> 'A')) -- not the array type of another type
  AND n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
ORDER BY 1, 2

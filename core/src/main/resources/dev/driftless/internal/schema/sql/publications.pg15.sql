-- Publications (database-wide), with the tables they name (with their column lists and row filters) and the schemas
-- of FOR TABLES IN SCHEMA, both new in PostgreSQL 15. Only tables and schemas among the snapshot's schemas are listed
-- (the schema filter limits every kind). Parameter 1: schema names (text[]).
WITH ns AS MATERIALIZED (
    SELECT oid, nspname FROM pg_namespace WHERE nspname = ANY (?)
)
SELECT p.pubname AS name,
       p.puballtables AS all_tables,
       array_remove(ARRAY[CASE WHEN p.pubinsert THEN 'insert' END, CASE WHEN p.pubupdate THEN 'update' END,
                          CASE WHEN p.pubdelete THEN 'delete' END, CASE WHEN p.pubtruncate THEN 'truncate' END],
                    NULL) AS operations,
       p.pubviaroot AS via_root,
       NULL::text AS generated_columns,
       ARRAY(SELECT quote_ident(ns.nspname) || '.' || quote_ident(c.relname)
                    || COALESCE(' (' || (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY u.ord)
                                         FROM unnest(pr.prattrs::int2[]) WITH ORDINALITY u(attnum, ord)
                                         JOIN pg_attribute a ON a.attrelid = pr.prrelid AND a.attnum = u.attnum)
                                || ')', '')
                    || COALESCE(' WHERE ' || pg_get_expr(pr.prqual, pr.prrelid), '')
             FROM pg_publication_rel pr
             JOIN pg_class c ON c.oid = pr.prrelid
             JOIN ns ON ns.oid = c.relnamespace
             WHERE pr.prpubid = p.oid
             ORDER BY 1) AS tables,
       ARRAY(SELECT ns.nspname
             FROM pg_publication_namespace pn
             JOIN ns ON ns.oid = pn.pnnspid
             WHERE pn.pnpubid = p.oid
             ORDER BY 1) AS schemas,
       pg_get_userbyid(p.pubowner) AS owner,
       ds.description AS comment
FROM pg_publication p
LEFT JOIN pg_description ds ON ds.objoid = p.oid AND ds.classoid = 'pg_publication'::regclass AND ds.objsubid = 0
ORDER BY 1

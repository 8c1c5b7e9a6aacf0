-- Publications (database-wide), with the tables they name; PostgreSQL 14 has neither column lists, row filters nor
-- FOR TABLES IN SCHEMA (publications.pg15.sql). Only tables in the snapshot's schemas are listed (the schema filter
-- limits every kind). Parameter 1: schema names (text[]).
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
             FROM pg_publication_rel pr
             JOIN pg_class c ON c.oid = pr.prrelid
             JOIN ns ON ns.oid = c.relnamespace
             WHERE pr.prpubid = p.oid
             ORDER BY 1) AS tables,
       ARRAY[]::text[] AS schemas,
       pg_get_userbyid(p.pubowner) AS owner,
       ds.description AS comment
FROM pg_publication p
LEFT JOIN pg_description ds ON ds.objoid = p.oid AND ds.classoid = 'pg_publication'::regclass AND ds.objsubid = 0
ORDER BY 1

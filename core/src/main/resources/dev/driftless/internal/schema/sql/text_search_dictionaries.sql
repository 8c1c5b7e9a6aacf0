-- Text search dictionaries, not created by extensions, with their template and options (dictinitoption, as
-- CREATE TEXT SEARCH DICTIONARY wrote them). Parameter 1: schema names (text[]).
SELECT n.nspname AS schema,
       d.dictname AS name,
       CASE WHEN tn.nspname = 'pg_catalog' THEN quote_ident(t.tmplname)
            ELSE quote_ident(tn.nspname) || '.' || quote_ident(t.tmplname) END AS template,
       d.dictinitoption AS options,
       pg_get_userbyid(d.dictowner) AS owner,
       ds.description AS comment
FROM pg_ts_dict d
JOIN pg_namespace n ON n.oid = d.dictnamespace
JOIN pg_ts_template t ON t.oid = d.dicttemplate
JOIN pg_namespace tn ON tn.oid = t.tmplnamespace
LEFT JOIN pg_description ds ON ds.objoid = d.oid AND ds.classoid = 'pg_ts_dict'::regclass AND ds.objsubid = 0
WHERE n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_depend x
                  WHERE x.classid = 'pg_ts_dict'::regclass AND x.objid = d.oid AND x.deptype = 'e')
ORDER BY 1, 2

-- Text search configurations, not created by extensions, with their parser and mapping: one entry per token type
-- that has dictionaries, in the parser's token order, as pg_dump prints it (ADD MAPPING FOR asciiword WITH a, b).
-- Parameter 1: schema names (text[]).
SELECT n.nspname AS schema,
       c.cfgname AS name,
       CASE WHEN pn.nspname = 'pg_catalog' THEN quote_ident(p.prsname)
            ELSE quote_ident(pn.nspname) || '.' || quote_ident(p.prsname) END AS parser,
       ARRAY(SELECT t.alias || ' WITH ' || (SELECT string_agg(m.mapdict::regdictionary::text, ', ' ORDER BY m.mapseqno)
                                            FROM pg_ts_config_map m
                                            WHERE m.mapcfg = c.oid AND m.maptokentype = t.tokid)
             FROM ts_token_type(c.cfgparser) t
             WHERE EXISTS (SELECT 1 FROM pg_ts_config_map m WHERE m.mapcfg = c.oid AND m.maptokentype = t.tokid)
             ORDER BY t.tokid) AS mapping,
       pg_get_userbyid(c.cfgowner) AS owner,
       ds.description AS comment
FROM pg_ts_config c
JOIN pg_namespace n ON n.oid = c.cfgnamespace
JOIN pg_ts_parser p ON p.oid = c.cfgparser
JOIN pg_namespace pn ON pn.oid = p.prsnamespace
LEFT JOIN pg_description ds ON ds.objoid = c.oid AND ds.classoid = 'pg_ts_config'::regclass AND ds.objsubid = 0
WHERE n.nspname = ANY (?)
  AND NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_ts_config'::regclass AND d.objid = c.oid AND d.deptype = 'e')
ORDER BY 1, 2

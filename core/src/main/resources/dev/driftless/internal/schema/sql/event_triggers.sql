-- Event triggers (database-wide), not created by extensions. Parameter: none.
SELECT e.evtname AS name,
       e.evtevent AS event,
       e.evtfoid::regproc::text || '()' AS function,
       e.evttags AS tags,
       CASE e.evtenabled WHEN 'O' THEN 'enabled' WHEN 'D' THEN 'disabled' WHEN 'R' THEN 'replica'
           WHEN 'A' THEN 'always' END AS enabled,
       pg_get_userbyid(e.evtowner) AS owner,
       ds.description AS comment
FROM pg_event_trigger e
LEFT JOIN pg_description ds ON ds.objoid = e.oid AND ds.classoid = 'pg_event_trigger'::regclass AND ds.objsubid = 0
WHERE NOT EXISTS (SELECT 1 FROM pg_depend d
                  WHERE d.classid = 'pg_event_trigger'::regclass AND d.objid = e.oid AND d.deptype = 'e')
ORDER BY 1

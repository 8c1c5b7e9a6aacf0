-- The schema of the guide's examples (docs/scripts.md).
CREATE SCHEMA :"app_schema";
SET search_path = :"app_schema";
\ir tables.sql
\echo schema :app_schema loaded

INSERT INTO public.studio_migration_log (event) VALUES ('after migrate of ${flyway:defaultSchema} by ${flyway:user}');
COMMENT ON SCHEMA ${flyway:defaultSchema} IS 'The studio schema, migrated by Flyway';

-- diesel initial setup
CREATE FUNCTION diesel_noop() RETURNS void LANGUAGE sql AS $$ SELECT $$;

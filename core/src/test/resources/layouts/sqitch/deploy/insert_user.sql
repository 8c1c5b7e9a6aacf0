-- Deploy flipr:insert_user to pg
-- requires: users
-- requires: appschema

BEGIN;

CREATE OR REPLACE FUNCTION flipr.insert_user(
    nickname TEXT,
    password TEXT
) RETURNS VOID LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    IF nickname = '' THEN
        RAISE EXCEPTION 'nickname must not be empty';
    END IF;
    INSERT INTO flipr.users (nickname, password) VALUES (nickname, md5(password || 'salt'));
END;
$$;

COMMIT;

BEGIN;
SELECT plan(1);
SELECT has_function('flipr', 'insert_user', ARRAY['text', 'text']);
SELECT * FROM finish();
ROLLBACK;

SET client_min_messages TO warning;
CREATE EXTENSION IF NOT EXISTS pgtap;
RESET client_min_messages;

BEGIN;
SELECT plan(3);
SELECT has_table('flipr', 'users', 'Should have table flipr.users');
SELECT has_pk('flipr', 'users', 'Table flipr.users should have a primary key');
SELECT has_column('flipr', 'users', 'nickname', 'Should have column nickname');
SELECT * FROM finish();
ROLLBACK;

-- Before adding the foreign key, refuse with a clear message if legacy trades point at missing accounts.
BEGIN;
DO $$
DECLARE
    orphans bigint;
BEGIN
    SELECT count(*) INTO orphans
    FROM trade t
    WHERE NOT EXISTS (SELECT 1 FROM account a WHERE a.account_id = t.account_id);
    IF orphans > 0 THEN
        RAISE EXCEPTION 'trade has % row(s) whose account does not exist', orphans
            USING HINT = 'Reassign or delete them (SELECT * FROM trade WHERE account_id NOT IN (SELECT account_id FROM account)), then migrate again.';
    END IF;
END;
$$;
ALTER TABLE trade ADD CONSTRAINT trade_account_id_fkey FOREIGN KEY (account_id) REFERENCES account (account_id);
CREATE INDEX trade_account_idx ON trade (account_id);
INSERT INTO schema_migrations (version) VALUES ('004');
COMMIT;

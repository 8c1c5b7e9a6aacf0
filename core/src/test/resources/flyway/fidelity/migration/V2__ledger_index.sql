CREATE INDEX ledger_entry_account_idx ON ledger_entry (account_id, booked_at);

COMMENT ON INDEX ledger_entry_account_idx IS 'Migrations are recorded in ${flyway:table}';

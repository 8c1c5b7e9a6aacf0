DROP INDEX ${flyway:defaultSchema}.ledger_entry_account_idx;

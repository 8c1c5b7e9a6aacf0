-- The ledger schema at version 1.12.15, for new databases: what V1 to V1.12.15 build, in one script.
CREATE TABLE account (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name     text    NOT NULL UNIQUE,
    currency char(3) NOT NULL DEFAULT '${default_currency}',
    email    text
);

COMMENT ON TABLE account IS 'Accounts of ${tenant} in schema ${flyway:defaultSchema}, owned by ${flyway:user}';

CREATE TABLE ledger_entry (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint        NOT NULL REFERENCES account (id),
    amount     numeric(12, 2) NOT NULL,
    booked_at  timestamptz   NOT NULL DEFAULT now()
);

COMMENT ON TABLE ledger_entry IS 'Created by V1_12_15__Ledger_entries.sql';

-- A dotted version: Flyway shows V1_12_15 as 1.12.15.
CREATE TABLE ledger_entry (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint        NOT NULL REFERENCES account (id),
    amount     numeric(12, 2) NOT NULL,
    booked_at  timestamptz   NOT NULL DEFAULT now()
);

COMMENT ON TABLE ledger_entry IS 'Created by ${flyway:filename}';

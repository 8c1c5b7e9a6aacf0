-- Trading ledger. Each migration manages its own transaction and records itself in schema_migrations.
BEGIN;

CREATE TABLE schema_migrations (
    version    text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE account (
    account_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code        text    NOT NULL UNIQUE,
    owner_name  text    NOT NULL,
    base_ccy    char(3) NOT NULL DEFAULT 'USD'
);

CREATE TABLE instrument (
    instrument_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    symbol        text NOT NULL UNIQUE,
    kind          text NOT NULL CHECK (kind IN ('equity', 'future', 'option', 'fx'))
);

-- account_id has no foreign key yet: trades were imported from a legacy system (see 004).
CREATE TABLE trade (
    trade_id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    bigint         NOT NULL,
    instrument_id bigint         NOT NULL REFERENCES instrument (instrument_id),
    side          char(1)        NOT NULL CHECK (side IN ('B', 'S')),
    qty           numeric(20, 8) NOT NULL CHECK (qty > 0),
    price         numeric(20, 8) NOT NULL CHECK (price > 0),
    executed_at   timestamptz    NOT NULL
);
CREATE INDEX trade_instrument_executed_idx ON trade (instrument_id, executed_at);

INSERT INTO schema_migrations (version) VALUES ('001');
COMMIT;

-- A copy of schema.sql that drifted: someone made notional nullable here only.
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

CREATE TABLE trade (
    trade_id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    bigint         NOT NULL REFERENCES account (account_id),
    instrument_id bigint         NOT NULL REFERENCES instrument (instrument_id),
    side          char(1)        NOT NULL CHECK (side IN ('B', 'S')),
    quantity      numeric(20, 8) NOT NULL CHECK (quantity > 0),
    price         numeric(20, 8) NOT NULL CHECK (price > 0),
    executed_at   timestamptz    NOT NULL,
    notional      numeric(28, 8)
);
CREATE INDEX trade_instrument_executed_idx ON trade (instrument_id, executed_at);
CREATE INDEX trade_account_idx ON trade (account_id);

INSERT INTO schema_migrations (version) VALUES ('001'), ('002'), ('003'), ('004');
COMMIT;

-- Invoices and payments. Money is integer cents: no rounding, no floating point.
CREATE TABLE invoice (
    invoice_id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    party_id      bigint  NOT NULL REFERENCES party (party_id),
    number        text    NOT NULL UNIQUE,
    issued_on     date    NOT NULL DEFAULT current_date,
    due_on        date    NOT NULL,
    total_cents   integer NOT NULL CHECK (total_cents >= 0),
    currency      char(3) NOT NULL DEFAULT 'EUR'
);

CREATE TABLE invoice_line (
    invoice_id       bigint  NOT NULL REFERENCES invoice (invoice_id) ON DELETE CASCADE,
    line_no          integer NOT NULL,
    booking_id       bigint  REFERENCES booking (booking_id),
    description      text    NOT NULL,
    quantity         integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
    unit_price_cents integer NOT NULL,
    PRIMARY KEY (invoice_id, line_no)
);

CREATE TABLE payment (
    payment_id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id    bigint      NOT NULL REFERENCES invoice (invoice_id),
    amount_cents  integer     NOT NULL CHECK (amount_cents > 0),
    paid_at       timestamptz NOT NULL DEFAULT now(),
    method        text        NOT NULL CHECK (method IN ('card', 'transfer', 'cash'))
);

CREATE INDEX invoice_party_idx ON invoice (party_id);
CREATE INDEX payment_invoice_idx ON payment (invoice_id);

-- Invoices in integer cents; the currency every deployment bills in is the placeholder ${currency}.
CREATE TABLE currency (
    code char(3) PRIMARY KEY
);

CREATE TABLE invoice (
    invoice_id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  bigint  NOT NULL REFERENCES customer,
    amount_cents integer NOT NULL CHECK (amount_cents >= 0),
    currency     char(3) NOT NULL DEFAULT '${currency}' REFERENCES currency,
    paid         boolean NOT NULL DEFAULT false
);

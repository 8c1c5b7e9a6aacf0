-- The schema of a fresh install of the invoicing app, as the team documents it: what the Flyway chain builds.
CREATE TABLE customer (
    customer_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL UNIQUE
);

CREATE TABLE currency (
    code char(3) PRIMARY KEY
);

CREATE TABLE invoice (
    invoice_id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  bigint  NOT NULL REFERENCES customer,
    amount_cents integer NOT NULL CHECK (amount_cents >= 0),
    currency     char(3) NOT NULL DEFAULT 'EUR' REFERENCES currency,
    paid         boolean NOT NULL DEFAULT false,
    issued_on    date    NOT NULL DEFAULT current_date,
    due_on       date GENERATED ALWAYS AS (issued_on + 30) STORED
);

CREATE VIEW open_invoice AS
SELECT i.invoice_id, c.name AS customer, i.amount_cents, i.currency, i.due_on
FROM invoice i
JOIN customer c USING (customer_id)
WHERE NOT i.paid;

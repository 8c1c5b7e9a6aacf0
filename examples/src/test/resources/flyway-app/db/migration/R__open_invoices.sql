-- What the dunning job reads; Flyway re-creates it whenever this file changes.
CREATE OR REPLACE VIEW open_invoice AS
SELECT i.invoice_id, c.name AS customer, i.amount_cents, i.currency, i.due_on
FROM invoice i
JOIN customer c USING (customer_id)
WHERE NOT i.paid;

-- Free-text notes on bookings, and a view of open invoices.
ALTER TABLE booking ADD COLUMN notes text;
COMMENT ON COLUMN booking.notes IS 'Visible to staff only';

CREATE VIEW open_invoice AS
SELECT i.invoice_id, i.number, i.party_id, i.total_cents,
       i.total_cents - coalesce(sum(p.amount_cents), 0) AS outstanding_cents
FROM invoice i
LEFT JOIN payment p ON p.invoice_id = i.invoice_id
GROUP BY i.invoice_id
HAVING i.total_cents > coalesce(sum(p.amount_cents), 0);

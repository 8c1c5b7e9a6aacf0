-- Invoices fall due 30 days after they are issued.
ALTER TABLE invoice ADD COLUMN issued_on date NOT NULL DEFAULT current_date;
ALTER TABLE invoice ADD COLUMN due_on date GENERATED ALWAYS AS (issued_on + 30) STORED;

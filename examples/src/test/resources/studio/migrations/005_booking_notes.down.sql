DROP VIEW open_invoice;
ALTER TABLE booking DROP COLUMN notes;

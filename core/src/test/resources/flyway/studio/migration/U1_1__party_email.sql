ALTER TABLE party DROP CONSTRAINT party_email_check;
ALTER TABLE party DROP COLUMN email;

-- Parties get an e-mail address; existing ones have none yet.
ALTER TABLE party ADD COLUMN email text;
ALTER TABLE party ADD CONSTRAINT party_email_check CHECK (email IS NULL OR email LIKE '%_@_%');

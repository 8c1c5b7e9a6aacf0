CREATE INDEX booking_party_id_idx ON booking (party_id);
ALTER TABLE booking ADD COLUMN note text;

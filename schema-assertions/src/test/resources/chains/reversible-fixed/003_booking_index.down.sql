DROP INDEX booking_party_id_idx;
ALTER TABLE booking DROP COLUMN note;

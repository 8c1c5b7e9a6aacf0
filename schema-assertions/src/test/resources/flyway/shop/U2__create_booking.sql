-- Wrong on purpose: drops the index but forgets the table.
DROP INDEX booking_party_id_idx;

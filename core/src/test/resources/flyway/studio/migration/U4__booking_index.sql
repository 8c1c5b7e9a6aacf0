DROP INDEX booking_party_starts_idx;

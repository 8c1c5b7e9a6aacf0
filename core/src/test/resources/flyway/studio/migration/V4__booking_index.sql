-- Looking up a party's bookings by time.
CREATE INDEX booking_party_starts_idx ON booking (party_id, starts_at);

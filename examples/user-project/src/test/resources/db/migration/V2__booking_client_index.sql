CREATE INDEX booking_client_idx ON booking (client, starts_at);

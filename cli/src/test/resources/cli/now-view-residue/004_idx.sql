CREATE INDEX event_at_idx ON event (at);

CREATE OR REPLACE VIEW room_overview AS
SELECT r.id, r.name
FROM room r;

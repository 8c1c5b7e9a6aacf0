-- The directory the front desk reads; Flyway re-creates it whenever this file changes.
CREATE OR REPLACE VIEW party_directory AS
SELECT p.id, p.display_name, p.created_at
FROM party p
ORDER BY lower(p.display_name);

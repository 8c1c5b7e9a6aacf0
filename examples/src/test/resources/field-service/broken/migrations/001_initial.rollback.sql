DROP TABLE technician;
DROP TABLE site;
DROP TABLE customer;
DROP FUNCTION set_updated_at();

ALTER TABLE work_order DROP COLUMN completed_at;
DROP TABLE visit_part;
DROP TABLE part;

DROP INDEX booking_package_idx;
ALTER TABLE booking DROP COLUMN package_id;
DROP TABLE package;

-- A version written the way long-lived Flyway projects write them; Flyway shows it as 1.12.15.
ALTER TABLE room ADD COLUMN notes text;
ALTER TABLE room ADD COLUMN colour text;

DROP TABLE ${flyway:defaultSchema}.booking;
DROP TYPE ${flyway:defaultSchema}.booking_status;

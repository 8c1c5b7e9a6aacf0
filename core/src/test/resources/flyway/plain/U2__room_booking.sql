DROP TABLE room_booking;

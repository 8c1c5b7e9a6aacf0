-- Wrong on purpose: the table is booking.
DROP TABLE bookings;

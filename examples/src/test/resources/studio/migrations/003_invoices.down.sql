DROP TABLE payment;
DROP TABLE invoice_line;
DROP TABLE invoice;

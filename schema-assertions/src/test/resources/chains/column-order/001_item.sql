CREATE TABLE item (a integer, b integer, c integer);

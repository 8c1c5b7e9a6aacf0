CREATE TABLE product (id bigint PRIMARY KEY, title text NOT NULL);

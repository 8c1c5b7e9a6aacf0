-- 002: add orders, with a typo on line 37
CREATE TABLE orders (
  id int PRIMARY KEY,
  customer_id int NOT NULL REFERENCES customer
);

INSERT INTO customer VALUES (6, 'customer 6');
INSERT INTO customer VALUES (7, 'customer 7');
INSERT INTO customer VALUES (8, 'customer 8');
INSERT INTO customer VALUES (9, 'customer 9');
INSERT INTO customer VALUES (10, 'customer 10');
INSERT INTO customer VALUES (11, 'customer 11');
INSERT INTO customer VALUES (12, 'customer 12');
INSERT INTO customer VALUES (13, 'customer 13');
INSERT INTO customer VALUES (14, 'customer 14');
INSERT INTO customer VALUES (15, 'customer 15');
INSERT INTO customer VALUES (16, 'customer 16');
INSERT INTO customer VALUES (17, 'customer 17');
INSERT INTO customer VALUES (18, 'customer 18');
INSERT INTO customer VALUES (19, 'customer 19');
INSERT INTO customer VALUES (20, 'customer 20');
INSERT INTO customer VALUES (21, 'customer 21');
INSERT INTO customer VALUES (22, 'customer 22');
INSERT INTO customer VALUES (23, 'customer 23');
INSERT INTO customer VALUES (24, 'customer 24');
INSERT INTO customer VALUES (25, 'customer 25');
INSERT INTO customer VALUES (26, 'customer 26');
INSERT INTO customer VALUES (27, 'customer 27');
INSERT INTO customer VALUES (28, 'customer 28');
INSERT INTO customer VALUES (29, 'customer 29');

-- the comment lines below only move the error further down
--
--
--

ALTER TABLE orders ADD COLUMN total numeric NOT NUL;
CREATE TABLE never_created (id int);

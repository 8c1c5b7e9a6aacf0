-- master schema
CREATE TABLE IF NOT EXISTS customer (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE IF NOT EXISTS orders (id int PRIMARY KEY, customer_id int NOT NULL REFERENCES customer);

-- migrate:up
CREATE TABLE customer (id int PRIMARY KEY, name text NOT NULL);

-- migrate:down
DROP TABLE customer;

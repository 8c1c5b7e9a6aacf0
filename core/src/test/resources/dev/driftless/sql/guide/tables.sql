CREATE TABLE customer (id int PRIMARY KEY, name text NOT NULL);
COPY customer (id, name) FROM stdin;
1	Alice
2	Bob
\.

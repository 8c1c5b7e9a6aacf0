CREATE TABLE inc_main (id int);
\ir parts/child.sql
INSERT INTO inc_main VALUES (2);

-- child
INSERT INTO inc_main VALUES (1);

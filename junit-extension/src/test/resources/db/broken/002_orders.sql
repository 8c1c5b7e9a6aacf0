CREATE TABLE orders (
    id bigint PRIMARY KEY
);

-- The next statement refers to a table that does not exist.
ALTER TABLE order_lines
    ADD COLUMN note text;

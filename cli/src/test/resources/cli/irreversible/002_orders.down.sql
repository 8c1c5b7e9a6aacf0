-- Forgets to drop customer.vip
DROP TABLE orders;

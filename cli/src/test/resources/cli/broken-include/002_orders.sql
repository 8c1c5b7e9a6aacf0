\i missing/orders_table.sql

DROP TABLE work_order;
DROP TYPE work_order_status;

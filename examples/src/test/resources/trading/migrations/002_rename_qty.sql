BEGIN;
ALTER TABLE trade RENAME COLUMN qty TO quantity;
ALTER TABLE trade RENAME CONSTRAINT trade_qty_check TO trade_quantity_check;
INSERT INTO schema_migrations (version) VALUES ('002');
COMMIT;

-- Forgets work_order.completed_at
DROP TABLE visit_part;
DROP TABLE part;

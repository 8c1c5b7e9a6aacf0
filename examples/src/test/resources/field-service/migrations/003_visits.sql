CREATE TABLE visit (
    visit_id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    work_order_id   bigint      NOT NULL REFERENCES work_order (work_order_id) ON DELETE CASCADE,
    technician_id   bigint      NOT NULL REFERENCES technician (technician_id),
    scheduled_start timestamptz NOT NULL,
    scheduled_end   timestamptz NOT NULL,
    checked_in_at   timestamptz,
    checked_out_at  timestamptz,
    CONSTRAINT visit_window_check CHECK (scheduled_end > scheduled_start)
);
CREATE INDEX visit_work_order_idx ON visit (work_order_id);
CREATE INDEX visit_technician_start_idx ON visit (technician_id, scheduled_start);

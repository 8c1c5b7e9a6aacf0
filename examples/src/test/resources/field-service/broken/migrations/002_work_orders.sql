CREATE TYPE work_order_status AS ENUM ('open', 'scheduled', 'in_progress', 'done', 'cancelled');

CREATE TABLE work_order (
    work_order_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_id       bigint            NOT NULL REFERENCES site (site_id),
    summary       text              NOT NULL,
    priority      smallint          NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5),
    status        work_order_status NOT NULL DEFAULT 'open',
    created_at    timestamptz       NOT NULL DEFAULT now(),
    updated_at    timestamptz       NOT NULL DEFAULT now()
);
CREATE INDEX work_order_site_idx ON work_order (site_id);
CREATE INDEX work_order_open_idx ON work_order (priority, created_at) WHERE status IN ('open', 'scheduled');

CREATE TRIGGER work_order_set_updated_at BEFORE UPDATE ON work_order
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Field service: the schema for fresh installs (schema.sql ≡ migrations/001..004).

CREATE FUNCTION set_updated_at() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE TABLE customer (
    customer_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         text        NOT NULL,
    email        text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE site (
    site_id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  bigint      NOT NULL REFERENCES customer (customer_id) ON DELETE CASCADE,
    address      text        NOT NULL,
    postcode     text        NOT NULL,
    access_notes text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX site_customer_idx ON site (customer_id);

CREATE TABLE technician (
    technician_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text        NOT NULL,
    skills        text[]      NOT NULL DEFAULT '{}',
    active        boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER customer_set_updated_at BEFORE UPDATE ON customer
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER site_set_updated_at BEFORE UPDATE ON site
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
CREATE TRIGGER technician_set_updated_at BEFORE UPDATE ON technician
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

CREATE TYPE work_order_status AS ENUM ('open', 'scheduled', 'in_progress', 'done', 'cancelled');

CREATE TABLE work_order (
    work_order_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_id       bigint            NOT NULL REFERENCES site (site_id),
    summary       text              NOT NULL,
    priority      smallint          NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5),
    status        work_order_status NOT NULL DEFAULT 'open',
    created_at    timestamptz       NOT NULL DEFAULT now(),
    updated_at    timestamptz       NOT NULL DEFAULT now(),
    completed_at  timestamptz
);
CREATE INDEX work_order_site_idx ON work_order (site_id);
CREATE INDEX work_order_open_idx ON work_order (priority, created_at) WHERE status IN ('open', 'scheduled');

CREATE TRIGGER work_order_set_updated_at BEFORE UPDATE ON work_order
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

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

CREATE TABLE part (
    part_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku         text    NOT NULL UNIQUE,
    description text    NOT NULL,
    unit_cost_cents integer NOT NULL CHECK (unit_cost_cents >= 0)
);

CREATE TABLE visit_part (
    visit_id  bigint  NOT NULL REFERENCES visit (visit_id) ON DELETE CASCADE,
    part_id   bigint  NOT NULL REFERENCES part (part_id),
    quantity  integer NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (visit_id, part_id)
);
CREATE INDEX visit_part_part_idx ON visit_part (part_id);


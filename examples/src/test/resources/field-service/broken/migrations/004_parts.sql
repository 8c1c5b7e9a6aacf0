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

ALTER TABLE work_order ADD COLUMN completed_at timestamptz;

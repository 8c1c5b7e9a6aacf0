-- Customers, their sites, and the technicians who visit them.
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

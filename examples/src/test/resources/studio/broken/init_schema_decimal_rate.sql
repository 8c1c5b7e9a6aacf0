-- A copy of init_schema.sql that drifted: room.hourly_rate_cents became a decimal here only.
-- Consolidated from migrations/001..005; `driftless verify` checks the two stay equal.

CREATE TABLE party (
    party_id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    display_name  text        NOT NULL,
    email         text        UNIQUE,
    phone         text,
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE party_role (
    party_id  bigint NOT NULL REFERENCES party (party_id) ON DELETE CASCADE,
    role      text   NOT NULL CHECK (role IN ('client', 'engineer', 'producer', 'staff')),
    PRIMARY KEY (party_id, role)
);

CREATE TABLE room (
    room_id     uuid    PRIMARY KEY DEFAULT gen_random_uuid(),
    name        text    NOT NULL UNIQUE,
    capacity    integer NOT NULL CHECK (capacity > 0),
    hourly_rate_cents numeric(10,2) NOT NULL CHECK (hourly_rate_cents >= 0)
);

CREATE TABLE package (
    package_id   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         text    NOT NULL UNIQUE,
    hours        integer NOT NULL CHECK (hours > 0),
    price_cents  integer NOT NULL CHECK (price_cents >= 0),
    active       boolean NOT NULL DEFAULT true
);

CREATE TABLE booking (
    booking_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    party_id    bigint      NOT NULL REFERENCES party (party_id),
    room_id     uuid        NOT NULL REFERENCES room (room_id),
    starts_at   timestamptz NOT NULL,
    ends_at     timestamptz NOT NULL,
    status      text        NOT NULL DEFAULT 'requested'
                CHECK (status IN ('requested', 'confirmed', 'cancelled', 'completed')),
    package_id  bigint      REFERENCES package (package_id),
    notes       text,
    CONSTRAINT booking_period_check CHECK (ends_at > starts_at)
);
COMMENT ON COLUMN booking.notes IS 'Visible to staff only';

CREATE INDEX booking_room_starts_idx ON booking (room_id, starts_at);
CREATE INDEX booking_party_idx ON booking (party_id);
CREATE INDEX booking_package_idx ON booking (package_id) WHERE package_id IS NOT NULL;

-- Money is integer cents: no rounding, no floating point.
CREATE TABLE invoice (
    invoice_id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    party_id      bigint  NOT NULL REFERENCES party (party_id),
    number        text    NOT NULL UNIQUE,
    issued_on     date    NOT NULL DEFAULT current_date,
    due_on        date    NOT NULL,
    total_cents   integer NOT NULL CHECK (total_cents >= 0),
    currency      char(3) NOT NULL DEFAULT 'EUR'
);

CREATE TABLE invoice_line (
    invoice_id       bigint  NOT NULL REFERENCES invoice (invoice_id) ON DELETE CASCADE,
    line_no          integer NOT NULL,
    booking_id       bigint  REFERENCES booking (booking_id),
    description      text    NOT NULL,
    quantity         integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
    unit_price_cents integer NOT NULL,
    PRIMARY KEY (invoice_id, line_no)
);

CREATE TABLE payment (
    payment_id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id    bigint      NOT NULL REFERENCES invoice (invoice_id),
    amount_cents  integer     NOT NULL CHECK (amount_cents > 0),
    paid_at       timestamptz NOT NULL DEFAULT now(),
    method        text        NOT NULL CHECK (method IN ('card', 'transfer', 'cash'))
);

CREATE INDEX invoice_party_idx ON invoice (party_id);
CREATE INDEX payment_invoice_idx ON payment (invoice_id);

CREATE TABLE asset (
    asset_id     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    room_id      uuid REFERENCES room (room_id) ON DELETE SET NULL,
    name         text NOT NULL,
    serial_no    text UNIQUE,
    purchased_on date
);

CREATE TABLE booking_asset (
    booking_id  bigint NOT NULL REFERENCES booking (booking_id) ON DELETE CASCADE,
    asset_id    uuid   NOT NULL REFERENCES asset (asset_id),
    PRIMARY KEY (booking_id, asset_id)
);

CREATE INDEX asset_room_idx ON asset (room_id);
CREATE INDEX booking_asset_asset_idx ON booking_asset (asset_id);

CREATE VIEW open_invoice AS
SELECT i.invoice_id, i.number, i.party_id, i.total_cents,
       i.total_cents - coalesce(sum(p.amount_cents), 0) AS outstanding_cents
FROM invoice i
LEFT JOIN payment p ON p.invoice_id = i.invoice_id
GROUP BY i.invoice_id
HAVING i.total_cents > coalesce(sum(p.amount_cents), 0);

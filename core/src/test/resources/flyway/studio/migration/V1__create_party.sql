-- Parties: the people and companies that book the studio.
CREATE TABLE party (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    display_name text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX party_display_name_key ON party (lower(display_name));

-- Accounts of the tenant; the tenant and its currency are the project's placeholders.
CREATE TABLE account (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name     text    NOT NULL UNIQUE,
    currency char(3) NOT NULL DEFAULT '${default_currency}'
);

COMMENT ON TABLE account IS 'Accounts of ${tenant} in schema ${flyway:defaultSchema}, owned by ${flyway:user}';

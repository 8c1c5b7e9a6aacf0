CREATE TABLE identity_credentials (
id UUID NOT NULL PRIMARY KEY,
identity_id UUID NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
config TEXT NOT NULL
);

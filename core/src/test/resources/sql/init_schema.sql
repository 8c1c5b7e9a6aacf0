-- The master schema of docs/servers.md's template example (ServersGuideTest).
CREATE TABLE party (
  party_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  display_name text NOT NULL
);

-- The chain of docs/migrations.md's first example (MigrationDocsExamplesTest#overview).
CREATE TABLE customer (
  id int PRIMARY KEY,
  name text NOT NULL
);

-- The view holds the moment it was created: two builds of version 001 differ.
CREATE TABLE event (id int PRIMARY KEY, at timestamp NOT NULL);
CREATE VIEW deploy_clock AS SELECT 'now'::timestamp AS deployed_at;

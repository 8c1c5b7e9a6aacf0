-- seed data for local development: psql -f migrations/data_oauth_github.sql
INSERT INTO users (login) VALUES ('octocat');

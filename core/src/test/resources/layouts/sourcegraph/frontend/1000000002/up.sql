CREATE TABLE IF NOT EXISTS external_service_repos (
    external_service_id bigint NOT NULL REFERENCES external_services (id) ON DELETE CASCADE,
    repo_id integer NOT NULL REFERENCES repo (id) ON DELETE CASCADE,
    clone_url text NOT NULL
);

DROP INDEX IF EXISTS external_service_repos_repo_id;

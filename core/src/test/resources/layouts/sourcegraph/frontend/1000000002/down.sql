DROP TABLE IF EXISTS external_service_repos;

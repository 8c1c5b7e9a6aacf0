DROP INDEX `identity_credentials_identity_id_idx` ON `identity_credentials`;

CREATE TABLE `identity_credentials` (
`id` char(36) NOT NULL PRIMARY KEY,
`identity_id` char(36) NOT NULL,
`config` TEXT NOT NULL,
FOREIGN KEY (`identity_id`) REFERENCES `identities` (`id`) ON DELETE cascade
) ENGINE=InnoDB;

DROP TABLE `identities`;

DROP TABLE party;

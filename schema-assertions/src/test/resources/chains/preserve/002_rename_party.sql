ALTER TABLE party RENAME TO person;

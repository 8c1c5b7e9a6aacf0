-- Wrong on purpose: forgets the currency table that V5 created.
ALTER TABLE rate_card DROP COLUMN currency;

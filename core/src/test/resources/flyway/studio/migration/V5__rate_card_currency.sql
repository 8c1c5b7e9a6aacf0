-- Rates get a currency; the project's currency is a placeholder.
CREATE TABLE currency (
    code char(3) PRIMARY KEY
);
INSERT INTO currency (code) VALUES ('${currency}');

ALTER TABLE rate_card ADD COLUMN currency char(3) NOT NULL DEFAULT '${currency}' REFERENCES currency (code);

CREATE TABLE accounts (id int PRIMARY KEY, email text, plan text);
CREATE FUNCTION normalize_email(e text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(e) $$;
CREATE VIEW active_accounts AS SELECT id, email FROM accounts WHERE plan IS NOT NULL;
CREATE SEQUENCE invoice_numbers;
CREATE TYPE tier AS ENUM ('free', 'pro');

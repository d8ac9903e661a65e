-- Blue inserts without plan, calls a function, reads a view and a sequence.
INSERT INTO accounts (id, email) VALUES ($1, $2);
SELECT id FROM accounts WHERE email = normalize_email($1);
SELECT id, email FROM active_accounts;

SELECT nextval('invoice_numbers');
SELECT id FROM accounts WHERE plan = $1::text;

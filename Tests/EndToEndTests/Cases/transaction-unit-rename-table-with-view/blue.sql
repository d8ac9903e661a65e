-- Works through the view once the table is renamed.
SELECT id, email FROM accounts WHERE id = $1;

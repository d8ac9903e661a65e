SELECT id, email FROM accounts;

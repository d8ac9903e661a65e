INSERT INTO accounts (id, email, plan) VALUES ($1, $2, $3);
SELECT plan FROM active_accounts;
SELECT id FROM accounts WHERE tier = 'pro';

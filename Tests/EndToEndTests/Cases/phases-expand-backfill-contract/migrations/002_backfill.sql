UPDATE accounts SET display_name = full_name
WHERE id IN (SELECT id FROM accounts WHERE display_name IS NULL LIMIT 1000);

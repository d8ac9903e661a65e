CREATE OR REPLACE VIEW active_accounts AS SELECT id, email, plan FROM accounts WHERE plan IS NOT NULL;

INSERT INTO subscriptions (account_id, plan) VALUES ($1, $2)
ON CONFLICT ON CONSTRAINT subscriptions_account_plan_key DO UPDATE SET active = EXCLUDED.active;

-- The partial index is the arbiter when the predicate is given.
INSERT INTO subscriptions (account_id, plan) VALUES ($1, $2) ON CONFLICT (account_id) WHERE active DO NOTHING;

-- Without the predicate no unique index matches (42P10).
INSERT INTO subscriptions (account_id, plan) VALUES ($1, $2) ON CONFLICT (account_id) DO NOTHING;

-- ON CONSTRAINT names the constraint: the rename breaks it (42704).
INSERT INTO subscriptions (account_id, plan) VALUES ($1, $2)
ON CONFLICT ON CONSTRAINT subscriptions_plan_key DO UPDATE SET active = true;

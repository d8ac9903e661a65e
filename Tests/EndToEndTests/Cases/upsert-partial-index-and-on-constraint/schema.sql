CREATE TABLE subscriptions (
    id bigserial PRIMARY KEY,
    account_id bigint NOT NULL,
    plan text NOT NULL,
    active boolean NOT NULL DEFAULT true,
    CONSTRAINT subscriptions_plan_key UNIQUE (account_id, plan)
);
CREATE UNIQUE INDEX subscriptions_one_active ON subscriptions (account_id) WHERE active;

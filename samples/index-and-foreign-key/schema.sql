CREATE TABLE accounts (
    id bigserial PRIMARY KEY,
    email text NOT NULL
);
CREATE TABLE invoices (
    id bigserial PRIMARY KEY,
    account_id bigint NOT NULL,
    amount_cents bigint NOT NULL,
    issued_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE customers (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    tier text NOT NULL DEFAULT 'free'
);
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    total_cents integer NOT NULL,
    placed_at timestamptz NOT NULL DEFAULT now()
);

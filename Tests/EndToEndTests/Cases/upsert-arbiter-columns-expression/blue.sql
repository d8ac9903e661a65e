-- Arbiter inferred from the column list: needs the unique constraint on email.
INSERT INTO users (email, name) VALUES ($1, $2)
ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name
RETURNING id, name;

-- No unique index on name: not an arbiter (42P10).
INSERT INTO users (email, name) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING;

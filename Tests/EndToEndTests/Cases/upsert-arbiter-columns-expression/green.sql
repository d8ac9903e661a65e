-- Arbiter inferred from an expression index.
INSERT INTO users (email, name, updated_at) VALUES ($1, $2, now())
ON CONFLICT (lower(email)) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at
RETURNING id, updated_at;

-- EXCLUDED only exposes the table's columns (42703).
INSERT INTO users (email) VALUES ($1) ON CONFLICT (lower(email)) DO UPDATE SET name = excluded.nickname;

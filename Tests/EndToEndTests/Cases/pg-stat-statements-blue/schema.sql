CREATE TABLE sessions (
    id uuid PRIMARY KEY,
    user_id bigint NOT NULL,
    user_agent text,
    expires_at timestamptz NOT NULL
);

-- A SaaS app: workspaces and their members.
CREATE TABLE workspaces (
    id bigserial PRIMARY KEY,
    slug text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE members (
    id bigserial PRIMARY KEY,
    workspace_id bigint NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    email text NOT NULL,
    UNIQUE (workspace_id, email)
);

-- name: CreateWorkspace :one
INSERT INTO workspaces (slug, plan) VALUES ($1, $2) RETURNING id;

-- name: GetWorkspace :one
SELECT id, slug, plan, created_at FROM workspaces WHERE slug = $1;

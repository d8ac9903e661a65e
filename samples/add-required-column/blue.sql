-- name: CreateWorkspace :one
INSERT INTO workspaces (slug) VALUES ($1) RETURNING id;

-- name: GetWorkspace :one
SELECT id, slug, created_at FROM workspaces WHERE slug = $1;

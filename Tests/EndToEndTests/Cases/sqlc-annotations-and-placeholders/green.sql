-- name: GetAuthor :one
SELECT id, name, biography FROM authors WHERE id = :id;

-- name: CreateAuthor :one
INSERT INTO authors (name, biography) VALUES (sqlc.arg(name), sqlc.narg(biography)) RETURNING *;

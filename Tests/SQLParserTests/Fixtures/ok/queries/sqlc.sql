-- name: GetAuthor :one
SELECT * FROM authors WHERE id = $1 LIMIT 1;

-- name: ListAuthorsByIDs :many
SELECT * FROM authors WHERE id = ANY(sqlc.slice(ids)::bigint[]) AND (sqlc.narg(name)::text IS NULL OR name = sqlc.narg(name));

-- name: CreateAuthor :one
INSERT INTO authors (name, bio) VALUES (@name, sqlc.arg(bio)) RETURNING *;

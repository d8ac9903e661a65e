-- name: GetAuthor :one
SELECT id, name, bio FROM authors WHERE id = sqlc.arg(id);

-- name: ListAuthorsByName :many
SELECT id, name FROM authors WHERE name = @name OR bio = sqlc.narg(bio);

-- name: ListAuthorsByIDs :many
SELECT id, name FROM authors WHERE id IN (sqlc.slice(ids));

-- name: UpdateBio :exec
UPDATE authors SET bio = $2 WHERE id = $1;

-- name: CountAuthors :one
SELECT count(*) FROM authors WHERE name <> ?;

-- +goose Up
ALTER TABLE users ADD COLUMN created_at timestamptz;
-- +goose Down
ALTER TABLE users DROP COLUMN created_at;

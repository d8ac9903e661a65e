-- Adds a display name.
-- +goose up
ALTER TABLE users ADD COLUMN name text;

-- +goose NO TRANSACTION
-- +goose Up
CREATE INDEX CONCURRENTLY customers_email_idx ON customers (email);

-- +goose Down
DROP INDEX CONCURRENTLY customers_email_idx;

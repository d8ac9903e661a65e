-- +goose Up
ALTER TABLE accounts RENAME TO customers;
CREATE VIEW accounts AS SELECT id, email FROM customers;

-- +goose Down
DROP VIEW accounts;
ALTER TABLE customers RENAME TO accounts;

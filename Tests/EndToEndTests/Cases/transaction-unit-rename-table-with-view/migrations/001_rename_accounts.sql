BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE accounts RENAME TO customers;
CREATE VIEW accounts AS SELECT id, email FROM customers;
COMMIT;

-- Contract, once the old version is retired.
SET lock_timeout = '2s';
DROP TRIGGER customers_sync_full_name ON customers;
DROP FUNCTION customers_sync_full_name();
ALTER TABLE customers DROP COLUMN name;

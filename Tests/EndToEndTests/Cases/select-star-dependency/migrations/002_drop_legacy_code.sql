SET lock_timeout = '2s';
ALTER TABLE products DROP COLUMN legacy_code;

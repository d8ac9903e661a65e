SET lock_timeout = '2s';
ALTER TABLE products ADD COLUMN sku text;

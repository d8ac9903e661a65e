BEGIN;
ALTER TABLE shop.customers ADD COLUMN email text;
COMMIT;

BEGIN;
SET lock_timeout = '2s';
ALTER TABLE orders ADD CONSTRAINT orders_status_check
    CHECK (status IN ('pending', 'paid', 'shipped', 'cancelled')) NOT VALID;
COMMIT;
ALTER TABLE orders VALIDATE CONSTRAINT orders_status_check;

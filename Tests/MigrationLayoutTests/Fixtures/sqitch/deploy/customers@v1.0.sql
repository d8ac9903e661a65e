BEGIN;
CREATE TABLE shop.customers (id bigint PRIMARY KEY);
COMMIT;

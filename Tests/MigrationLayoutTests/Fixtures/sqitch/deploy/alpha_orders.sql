BEGIN;
CREATE TABLE shop.orders (id bigint PRIMARY KEY, customer_id bigint);
COMMIT;

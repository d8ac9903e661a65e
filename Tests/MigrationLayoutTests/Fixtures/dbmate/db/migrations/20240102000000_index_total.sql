-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY orders_total ON orders (total);

-- migrate:down
DROP INDEX orders_total;

-- migrate:up
CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);

-- migrate:down
DROP TABLE orders;

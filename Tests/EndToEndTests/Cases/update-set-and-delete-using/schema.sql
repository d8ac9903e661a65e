CREATE TABLE customers (
    id bigint PRIMARY KEY,
    banned boolean NOT NULL DEFAULT false
);
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    archived boolean NOT NULL DEFAULT false,
    note text
);

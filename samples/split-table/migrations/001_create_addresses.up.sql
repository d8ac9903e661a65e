-- Expand: addresses get a table of their own.
CREATE TABLE addresses (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    street text NOT NULL,
    city text NOT NULL,
    postcode text NOT NULL
);
CREATE INDEX addresses_customer_id_idx ON addresses (customer_id);

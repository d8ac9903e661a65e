-- A shop that kept the shipping address on the customer row.
CREATE TABLE customers (
    id bigserial PRIMARY KEY,
    email text NOT NULL UNIQUE,
    street text,
    city text,
    postcode text
);

CREATE TABLE products (
    id bigint PRIMARY KEY,
    name text NOT NULL,
    price_cents integer NOT NULL,
    legacy_code text
);

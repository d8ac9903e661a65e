CREATE DOMAIN currency_code AS text NOT NULL DEFAULT 'EUR';
CREATE DOMAIN positive_cents AS integer NOT NULL CHECK (VALUE > 0);
CREATE TABLE items (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    position serial,
    sku text NOT NULL,
    qty integer NOT NULL DEFAULT 1,
    currency currency_code,
    price_cents positive_cents,
    total_cents integer GENERATED ALWAYS AS (qty * price_cents) STORED
);

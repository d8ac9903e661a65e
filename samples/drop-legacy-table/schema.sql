CREATE TABLE carts (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
-- The cart items of the previous checkout, replaced by cart_lines.
CREATE TABLE legacy_cart_items (
    cart_id bigint NOT NULL REFERENCES carts (id),
    sku text NOT NULL,
    quantity integer NOT NULL
);
CREATE TABLE cart_lines (
    cart_id bigint NOT NULL REFERENCES carts (id),
    sku text NOT NULL,
    quantity integer NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (cart_id, sku)
);
CREATE VIEW cart_totals AS
    SELECT cart_id, sum(quantity) AS items FROM legacy_cart_items GROUP BY cart_id;

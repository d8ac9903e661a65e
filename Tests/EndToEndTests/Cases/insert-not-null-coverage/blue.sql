-- Identity, serial, defaults, the domain default and the generated column cover
-- everything but sku and price_cents; qty relies on its default.
INSERT INTO items (sku, price_cents) VALUES ($1, $2) RETURNING id, total_cents;

-- price_cents is a NOT NULL domain without a default (23502).
INSERT INTO items (sku, qty) VALUES ($1, $2);

-- A generated column cannot be written (428C9).
INSERT INTO items (sku, price_cents, total_cents) VALUES ($1, $2, $3);

-- Nor an identity column GENERATED ALWAYS (428C9).
INSERT INTO items (id, sku, price_cents) VALUES ($1, $2, $3);

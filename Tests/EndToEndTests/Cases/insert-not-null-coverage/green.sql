INSERT INTO items (sku, qty, price_cents, warehouse) VALUES ($1, $2, $3, $4) RETURNING id;

INSERT INTO items (id, sku, qty, price_cents) OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4);

UPDATE orders SET status = 'dispatched' WHERE id = $1;

INSERT INTO orders (id, status) VALUES ($1, 'refunded');

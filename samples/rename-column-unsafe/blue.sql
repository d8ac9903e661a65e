-- name: GetCustomer :one
SELECT id, email, name FROM customers WHERE id = $1;

-- name: CreateCustomer :one
INSERT INTO customers (email, name) VALUES ($1, $2) RETURNING id;

-- name: ListOrders :many
SELECT o.id, o.total_cents, c.name
FROM orders o JOIN customers c ON c.id = o.customer_id
WHERE o.customer_id = $1
ORDER BY o.placed_at DESC;

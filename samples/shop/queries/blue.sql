-- name: GetCustomer :one
SELECT id, email, full_name FROM customers WHERE id = $1;

-- name: RecentOrders :many
SELECT o.id, o.total_cents, c.email
FROM orders o JOIN customers c ON c.id = o.customer_id
WHERE o.placed_at > now() - interval '7 days'
ORDER BY o.placed_at DESC;

-- name: CreateCustomer :one
INSERT INTO customers (email, full_name) VALUES ($1, $2) RETURNING id;

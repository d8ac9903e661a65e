-- name: GetCustomer :one
SELECT id, email, display_name FROM customers WHERE id = sqlc.arg(id);

-- name: CreateCustomer :one
INSERT INTO customers (email, display_name) VALUES (@email, @display_name) RETURNING id;

-- name: MarkShipped :exec
UPDATE orders SET status = 'shipped' WHERE id = ANY(sqlc.slice(ids)::bigint[]);

-- name: GetShippingAddress :one
SELECT a.street, a.city, a.postcode
FROM addresses a
WHERE a.customer_id = $1
ORDER BY a.id DESC
LIMIT 1;

-- name: AddAddress :one
INSERT INTO addresses (customer_id, street, city, postcode) VALUES ($1, $2, $3, $4) RETURNING id;

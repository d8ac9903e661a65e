-- name: GetShippingAddress :one
SELECT street, city, postcode FROM customers WHERE id = $1;

-- name: UpdateAddress :exec
UPDATE customers SET street = $2, city = $3, postcode = $4 WHERE id = $1;

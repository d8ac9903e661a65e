-- name: CartLines :many
SELECT sku, quantity FROM cart_lines WHERE cart_id = $1 ORDER BY sku;

-- name: AddToCart :exec
INSERT INTO cart_lines (cart_id, sku, quantity) VALUES ($1, $2, $3)
ON CONFLICT (cart_id, sku) DO UPDATE SET quantity = cart_lines.quantity + EXCLUDED.quantity;

-- SELECT * depends on every column: the added and the dropped one change its shape.
SELECT * FROM products WHERE id = $1;

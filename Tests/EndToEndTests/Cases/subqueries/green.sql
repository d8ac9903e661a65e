SELECT c.email, last.amount_cents
FROM customers c
CROSS JOIN LATERAL (SELECT o.amount_cents FROM orders o WHERE o.customer_id = c.id ORDER BY o.placed_at DESC LIMIT 1) AS last;

-- Without LATERAL the subquery cannot see c (42P01).
SELECT c.email, x.n FROM customers c, (SELECT count(*) AS n FROM orders o WHERE o.customer_id = c.id) AS x;

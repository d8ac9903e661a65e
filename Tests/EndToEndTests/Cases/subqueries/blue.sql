-- Correlated subquery.
SELECT c.email FROM customers c
WHERE 1000 < (SELECT sum(o.total_cents) FROM orders o WHERE o.customer_id = c.id);

-- LATERAL.
SELECT c.email, last.total_cents
FROM customers c
CROSS JOIN LATERAL (SELECT o.total_cents FROM orders o WHERE o.customer_id = c.id ORDER BY o.placed_at DESC LIMIT 1) AS last;

-- Scalar subquery in the select list.
SELECT c.id, (SELECT max(total_cents) FROM orders WHERE customer_id = c.id) AS biggest FROM customers c;

-- EXISTS.
SELECT id FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.total_cents > 0);

-- IN.
SELECT email FROM customers WHERE id IN (SELECT customer_id FROM orders WHERE total_cents > $1);

-- The outer column tier is visible inside the correlated subquery; untouched.
SELECT id FROM orders o WHERE EXISTS (SELECT 1 FROM customers c WHERE c.id = o.customer_id AND c.tier = 'pro');

UPDATE orders o SET archived = true FROM customers c WHERE c.id = o.customer_id AND c.blocked;

DELETE FROM orders USING customers WHERE orders.customer_id = customers.id AND customers.blocked;

-- A SET target cannot be qualified by the table alias (42703).
UPDATE orders o SET o.note = $1;

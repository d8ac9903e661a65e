UPDATE orders o SET archived = true FROM customers c WHERE c.id = o.customer_id AND c.banned;

DELETE FROM orders o USING customers c WHERE o.customer_id = c.id AND c.banned RETURNING o.id;

-- SET targets are columns of the target table.
UPDATE orders SET note = $2, archived = false WHERE id = $1;

-- A SET target must exist (42703).
UPDATE orders SET closed = true WHERE id = $1;

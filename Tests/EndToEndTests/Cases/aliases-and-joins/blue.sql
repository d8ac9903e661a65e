-- Table and column aliases; ORDER BY an output alias.
SELECT o.order_id AS id, o.total AS t FROM orders AS o ORDER BY t;

-- USING merges order_id; user_id is unqualified and becomes ambiguous (42702)
-- once payments gets a user_id too.
SELECT order_id, user_id, amount FROM orders JOIN payments USING (order_id);

-- ON with qualified columns stays fine.
SELECT o.user_id, p.amount FROM orders o JOIN payments p ON p.order_id = o.order_id;

-- NATURAL joins on every common column; order_id and user_id merge, so no ambiguity.
SELECT order_id, user_id, amount FROM orders NATURAL JOIN payments;

-- A column alias list renames the table's columns: t.c1 is order_id.
SELECT t.c1, t.c2 FROM orders AS t (c1, c2);

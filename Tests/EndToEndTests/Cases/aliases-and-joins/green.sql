SELECT p.payment_id, p.user_id, p.note FROM payments p;

-- Once aliased, the original column name is gone (42703).
SELECT t.order_id FROM orders AS t (c1);

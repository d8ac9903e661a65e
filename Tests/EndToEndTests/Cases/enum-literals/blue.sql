-- Compared with the enum column: the literal must be a label (22P02 otherwise).
SELECT id FROM orders WHERE status = 'shipped';

-- Assigned to the enum column.
UPDATE orders SET status = 'shipped' WHERE id = $1;

SELECT id FROM orders WHERE status IN ('pending', 'paid');

-- Never a label (22P02 on every schema).
SELECT id FROM orders WHERE status = 'lost';

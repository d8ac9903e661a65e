INSERT INTO accounts (id, name, balance) VALUES ($1, $2, DEFAULT)
ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, balance = accounts.balance + EXCLUDED.balance
RETURNING id, balance;

UPDATE accounts a SET balance = a.balance - t.amount
FROM transfers t WHERE t.from_id = a.id AND t.id = $1;

DELETE FROM sessions s USING users u WHERE s.user_id = u.id AND u.deleted RETURNING s.id;

MERGE INTO stock AS s USING deliveries d ON s.item = d.item
WHEN MATCHED THEN UPDATE SET qty = s.qty + d.qty
WHEN NOT MATCHED THEN INSERT (item, qty) VALUES (d.item, d.qty);

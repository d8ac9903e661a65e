SELECT * FROM [order items] WHERE `sku` = :sku AND qty > ?1 LIMIT 10, 20;
INSERT OR IGNORE INTO tags (name) VALUES (@name);
REPLACE INTO kv (k, v) VALUES ($key, $value);
UPDATE kv SET v = v || 'x' WHERE k GLOB 'a*';

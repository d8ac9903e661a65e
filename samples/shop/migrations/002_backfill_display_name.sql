-- Backfill in batches of 1000 rows.
UPDATE customers SET display_name = full_name
WHERE id IN (SELECT id FROM customers WHERE display_name IS NULL LIMIT 1000);

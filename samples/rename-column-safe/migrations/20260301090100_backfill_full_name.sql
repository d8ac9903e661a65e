-- Backfill in batches, so no statement holds row locks on the whole table.
UPDATE customers SET full_name = name
WHERE id IN (SELECT id FROM customers WHERE full_name IS NULL LIMIT 1000);

-- Backfill: copy what the customer rows hold.
INSERT INTO addresses (customer_id, street, city, postcode)
SELECT id, street, city, postcode FROM customers
WHERE street IS NOT NULL AND city IS NOT NULL AND postcode IS NOT NULL;

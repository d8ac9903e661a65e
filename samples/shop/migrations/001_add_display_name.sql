-- Expand: a new nullable column, then an index built without blocking writes.
ALTER TABLE customers ADD COLUMN display_name text;
CREATE INDEX CONCURRENTLY IF NOT EXISTS customers_display_name_idx ON customers (display_name);

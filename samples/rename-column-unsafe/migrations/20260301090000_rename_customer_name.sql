-- The new version calls it full_name: rename in place.
ALTER TABLE customers RENAME COLUMN name TO full_name;

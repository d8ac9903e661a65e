-- Contract: only once no running version reads full_name.
ALTER TABLE customers DROP COLUMN full_name;

ALTER TABLE customers RENAME COLUMN banned TO blocked;

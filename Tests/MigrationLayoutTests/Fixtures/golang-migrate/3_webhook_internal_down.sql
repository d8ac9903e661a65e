ALTER TABLE accounts DROP COLUMN internal;

SET search_path = billing, public;
ALTER TABLE invoices ADD COLUMN paid boolean;
ALTER TABLE users ALTER COLUMN name DROP NOT NULL;
ALTER TABLE users ALTER COLUMN age TYPE int;
ALTER TABLE users ALTER COLUMN nick TYPE varchar(20);
ALTER TABLE users ALTER COLUMN score DROP DEFAULT;
ALTER TABLE users ADD CONSTRAINT users_age_check CHECK (age >= 0) NOT VALID;
ALTER TABLE users DROP CONSTRAINT users_age_check;

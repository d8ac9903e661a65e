-- Contract: the old columns go once the old version is retired.
ALTER TABLE customers DROP COLUMN street;
ALTER TABLE customers DROP COLUMN city;
ALTER TABLE customers DROP COLUMN postcode;

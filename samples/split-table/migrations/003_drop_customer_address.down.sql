ALTER TABLE customers ADD COLUMN street text, ADD COLUMN city text, ADD COLUMN postcode text;

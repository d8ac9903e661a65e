ALTER TABLE authors ADD COLUMN title text;

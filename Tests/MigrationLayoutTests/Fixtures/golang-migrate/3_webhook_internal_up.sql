ALTER TABLE accounts ADD COLUMN internal boolean;

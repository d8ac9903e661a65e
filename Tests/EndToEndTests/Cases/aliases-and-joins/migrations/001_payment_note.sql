ALTER TABLE payments ADD COLUMN note text;

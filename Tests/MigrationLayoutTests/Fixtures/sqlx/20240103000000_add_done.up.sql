ALTER TABLE tasks ADD COLUMN done boolean;

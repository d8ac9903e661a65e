ALTER TABLE categories ADD COLUMN slug text;

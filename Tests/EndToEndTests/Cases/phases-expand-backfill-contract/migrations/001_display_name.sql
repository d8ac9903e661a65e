SET lock_timeout = '2s';
ALTER TABLE accounts ADD COLUMN display_name text;

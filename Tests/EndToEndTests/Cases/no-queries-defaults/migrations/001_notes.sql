-- Without queries, blue is assumed to use all of S0 and green all the migration creates.
ALTER TABLE notes ADD COLUMN title text;
ALTER TABLE notes RENAME COLUMN body TO content;
ALTER TABLE notes DROP COLUMN legacy_flag;

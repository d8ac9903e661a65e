-- error: 2:26 expected end of statement, found ','
ALTER TABLE t RENAME TO u, ADD COLUMN a int;

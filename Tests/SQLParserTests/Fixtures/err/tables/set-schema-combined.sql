-- error: 2:37 SET SCHEMA cannot be combined with other actions
ALTER TABLE t ADD COLUMN a int, SET SCHEMA archive;

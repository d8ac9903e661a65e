-- error: 3:22 expected end of statement, found 'RESTRICT'
CREATE TABLE ok_before (a int);
DROP TABLE t CASCADE RESTRICT;
CREATE INDEX ok_after ON ok_before (a);

-- error: 2:32 expected ROWID, found 'OIDS'
CREATE TABLE t (a INT) WITHOUT OIDS;

-- error: 2:18 expected a type name
CREATE TABLE t (a);

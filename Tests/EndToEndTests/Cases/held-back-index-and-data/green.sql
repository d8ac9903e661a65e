SELECT id, d FROM t;

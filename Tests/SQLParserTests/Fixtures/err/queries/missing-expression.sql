-- error: 3:1 expected an expression
SELECT a, b +
FROM t;

-- error: 2:15 expected
SELECT 1 FROM WHERE x;
SELECT 2;

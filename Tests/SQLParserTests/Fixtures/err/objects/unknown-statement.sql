-- error: 3:1 expected a statement
SELECT 1;
FROBNICATE everything;
SELECT 2;

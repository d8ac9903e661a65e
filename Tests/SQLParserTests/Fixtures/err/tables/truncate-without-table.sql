-- error: 2:9 expected a name, found end of statement
TRUNCATE;

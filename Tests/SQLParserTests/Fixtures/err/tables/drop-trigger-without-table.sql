-- error: 2:16 expected ON, found end of statement
DROP TRIGGER tr;

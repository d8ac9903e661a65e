-- error: 2:38 expected a name, found 'ALL'
ALTER TABLE t ENABLE REPLICA TRIGGER ALL;

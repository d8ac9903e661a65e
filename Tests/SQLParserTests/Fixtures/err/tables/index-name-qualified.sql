-- error: 2:15 expected ON, found '.'
CREATE INDEX s.i ON t (a);

SELECT v.n, v.s FROM (VALUES (1, 'a'), (2, 'b')) AS v (n, s);

-- A column definition list names the record's columns.
SELECT e.id, r.k, r.v FROM events e, jsonb_to_recordset(e.payload) AS r (k text, v integer);

-- r has no column missing (42703).
SELECT e.id, r.missing FROM events e, jsonb_to_recordset(e.payload) AS r (k text);

SELECT g.n FROM generate_series(1, 3) AS g (n) UNION SELECT id FROM events;

SELECT id, kind FROM events UNION ALL SELECT id, kind FROM archived_events;

SELECT id FROM events INTERSECT SELECT id FROM events WHERE kind = $1;

-- Each EXCEPT arm must return the same number of columns (42601).
SELECT id, kind FROM events EXCEPT SELECT id FROM events;

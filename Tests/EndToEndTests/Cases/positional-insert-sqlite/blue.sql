-- SQLite refuses a positional INSERT whose value count differs from the column count.
INSERT INTO notes VALUES (?, ?, ?);

INSERT INTO notes (body) VALUES (:body) RETURNING id;

SELECT id, body FROM notes WHERE pinned = @pinned ORDER BY id;

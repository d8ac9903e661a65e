SELECT t.name, u.label FROM t JOIN u ON u.t_id = t.id WHERE t.id = ?;

INSERT INTO u VALUES (?, ?, ?);

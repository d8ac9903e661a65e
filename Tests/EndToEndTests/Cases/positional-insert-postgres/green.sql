INSERT INTO tags VALUES ($1, $2);

INSERT INTO tags (id, name) SELECT id + 1000, name FROM tags;

SELECT id, name FROM users WHERE id = ?;

INSERT INTO users (name) VALUES (?);

SELECT id, name, email FROM users ORDER BY name;

INSERT INTO users (name, email) VALUES (?, ?);

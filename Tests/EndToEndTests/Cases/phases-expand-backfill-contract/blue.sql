SELECT id, full_name, nickname FROM accounts WHERE id = $1;

INSERT INTO accounts (id, full_name, nickname) VALUES ($1, $2, $3);

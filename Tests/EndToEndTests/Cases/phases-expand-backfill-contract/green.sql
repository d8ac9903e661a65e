SELECT id, coalesce(display_name, full_name) FROM accounts WHERE id = $1;

INSERT INTO accounts (id, full_name, display_name) VALUES ($1, $2, $3);

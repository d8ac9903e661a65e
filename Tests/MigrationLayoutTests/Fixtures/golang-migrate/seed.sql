INSERT INTO accounts (id) VALUES (1);

SELECT id, name, age, nick FROM users;

INSERT INTO users (id, name) VALUES ($1, $2);

SELECT id, total FROM billing.invoices;

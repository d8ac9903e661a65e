SELECT id, name FROM customers WHERE id = $1;

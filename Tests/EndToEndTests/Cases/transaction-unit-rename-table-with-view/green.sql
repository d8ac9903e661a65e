SELECT id, email FROM customers WHERE id = $1;

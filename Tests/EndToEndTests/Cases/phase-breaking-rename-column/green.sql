SELECT id, full_name FROM customers WHERE id = $1;

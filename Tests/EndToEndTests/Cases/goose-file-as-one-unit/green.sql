SELECT id, email FROM customers;

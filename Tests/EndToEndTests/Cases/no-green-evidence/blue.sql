SELECT id, number FROM invoices WHERE id = $1;

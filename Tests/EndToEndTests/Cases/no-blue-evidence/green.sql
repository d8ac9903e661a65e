SELECT id, invoice_number, issued_on FROM invoices WHERE id = $1;

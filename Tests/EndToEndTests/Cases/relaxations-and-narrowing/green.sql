SELECT id, name FROM users;

-- paid was added to billing.invoices through SET search_path.
SELECT paid FROM billing.invoices;

ALTER TABLE billing.invoices RENAME COLUMN total TO amount_cents;

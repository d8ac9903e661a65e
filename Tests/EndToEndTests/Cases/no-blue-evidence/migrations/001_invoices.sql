ALTER TABLE invoices ADD COLUMN issued_on date;
ALTER TABLE invoices DROP COLUMN pdf_url;
ALTER TABLE invoices RENAME COLUMN number TO invoice_number;

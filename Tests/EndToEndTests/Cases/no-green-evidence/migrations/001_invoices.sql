CREATE TABLE invoice_lines (
    id bigint PRIMARY KEY,
    invoice_id bigint NOT NULL REFERENCES invoices (id)
);
ALTER TABLE invoices RENAME COLUMN memo TO note;
ALTER TABLE invoices RENAME COLUMN number TO invoice_number;
ALTER TABLE invoices DROP COLUMN pdf_url;

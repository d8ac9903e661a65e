CREATE TABLE invoices (
    id bigint PRIMARY KEY,
    number text NOT NULL,
    pdf_url text
);

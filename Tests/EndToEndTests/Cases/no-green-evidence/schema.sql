CREATE TABLE invoices (
    id bigint PRIMARY KEY,
    number text NOT NULL,
    memo text,
    pdf_url text
);

CREATE SCHEMA billing;
CREATE TABLE billing.invoices (
    id bigint PRIMARY KEY,
    total integer NOT NULL
);
CREATE TABLE public.invoices (
    id bigint PRIMARY KEY,
    note text
);

-- billing.invoices, schema-qualified: renamed away under it.
SELECT id, total FROM billing.invoices WHERE id = $1;

-- Unqualified names resolve through search_path (public): public.invoices.
SELECT id, note FROM invoices;

-- public.invoices has no total (42703 on every schema).
SELECT total FROM invoices;

SELECT i.id, i.amount_cents FROM billing.invoices AS i;

SELECT p.note, b.amount_cents FROM public.invoices p JOIN billing.invoices b USING (id);

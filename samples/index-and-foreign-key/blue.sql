-- name: InvoicesForAccount :many
SELECT id, amount_cents, issued_at FROM invoices WHERE account_id = $1 ORDER BY issued_at DESC;

-- name: CreateInvoice :one
INSERT INTO invoices (account_id, amount_cents) VALUES ($1, $2) RETURNING id;

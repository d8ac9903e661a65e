-- Look invoices up by account, and make sure every invoice has an account.
CREATE INDEX invoices_account_id_idx ON invoices (account_id);
ALTER TABLE invoices ADD CONSTRAINT invoices_account_id_fkey
    FOREIGN KEY (account_id) REFERENCES accounts (id);

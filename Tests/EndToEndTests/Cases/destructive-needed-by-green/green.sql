-- Without legacy_queue's drop this INSERT leaves a NOT NULL column empty (23502).
INSERT INTO tickets (id, subject) VALUES ($1, $2);

-- Unqualified subject is ambiguous until ticket_meta.subject is dropped (42702).
SELECT id, subject, priority FROM tickets JOIN ticket_meta USING (id);

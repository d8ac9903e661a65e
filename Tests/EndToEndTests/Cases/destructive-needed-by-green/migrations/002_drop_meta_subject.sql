ALTER TABLE ticket_meta DROP COLUMN subject;

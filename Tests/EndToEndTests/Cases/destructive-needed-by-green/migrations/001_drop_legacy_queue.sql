ALTER TABLE tickets DROP COLUMN legacy_queue;

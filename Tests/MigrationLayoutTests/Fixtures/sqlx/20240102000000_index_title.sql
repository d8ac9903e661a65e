-- no-transaction
CREATE INDEX CONCURRENTLY tasks_title ON tasks (title);

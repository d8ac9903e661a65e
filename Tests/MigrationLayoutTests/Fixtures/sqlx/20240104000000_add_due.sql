-- Not at the start, so sqlx ignores it:
-- no-transaction
ALTER TABLE tasks ADD COLUMN due date;

ALTER TABLE payments ADD COLUMN user_id bigint;

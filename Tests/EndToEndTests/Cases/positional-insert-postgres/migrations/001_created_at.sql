ALTER TABLE tags ADD COLUMN created_at timestamptz DEFAULT now();

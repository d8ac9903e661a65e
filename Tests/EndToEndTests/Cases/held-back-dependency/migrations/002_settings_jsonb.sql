ALTER TABLE profiles ADD COLUMN settings jsonb;

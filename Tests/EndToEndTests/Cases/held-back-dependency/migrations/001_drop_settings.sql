ALTER TABLE profiles DROP COLUMN settings;

ALTER TABLE profiles ADD COLUMN theme text;

ALTER TABLE sessions ADD COLUMN ip inet;

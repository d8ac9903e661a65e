ALTER TABLE accounts ADD COLUMN tier tier NOT NULL DEFAULT 'free';

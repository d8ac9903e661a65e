ALTER TABLE items ADD COLUMN warehouse text NOT NULL DEFAULT 'main';

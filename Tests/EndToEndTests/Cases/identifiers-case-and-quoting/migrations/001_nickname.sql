ALTER TABLE accounts ADD COLUMN "Nickname" text;

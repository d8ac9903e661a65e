-- Every workspace gets a billing plan. The new version reads and writes it.
ALTER TABLE workspaces ADD COLUMN plan text NOT NULL;
ALTER TABLE workspaces ADD CONSTRAINT workspaces_plan_check CHECK (plan IN ('free', 'team', 'enterprise'));

// Tests for MigrationRules.

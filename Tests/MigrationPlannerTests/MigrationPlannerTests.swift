// Tests for MigrationPlanner.

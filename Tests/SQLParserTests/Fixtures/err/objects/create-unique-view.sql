-- error: 2:15 UNIQUE cannot be used with CREATE VIEW
CREATE UNIQUE VIEW v AS SELECT 1;

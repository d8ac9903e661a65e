-- The first migration.
--migrate:up
CREATE SCHEMA shop;

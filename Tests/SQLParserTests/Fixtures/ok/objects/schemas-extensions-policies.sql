-- Schemas, extensions, row-level security policies, and renames of other objects.
CREATE SCHEMA app;
CREATE SCHEMA IF NOT EXISTS reporting AUTHORIZATION report_owner;
CREATE SCHEMA AUTHORIZATION joe;
CREATE SCHEMA hollywood
    CREATE TABLE films (title text, release date, awards text[])
    CREATE VIEW winners AS SELECT title, release FROM films WHERE awards IS NOT NULL
    GRANT SELECT ON winners TO PUBLIC;
CREATE EXTENSION pgcrypto;
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE EXTENSION IF NOT EXISTS hstore WITH SCHEMA public VERSION '1.8' CASCADE;
CREATE EXTENSION postgis SCHEMA gis;
CREATE POLICY tenant_isolation ON app.accounts USING (tenant_id = current_setting('app.tenant')::int);
CREATE POLICY admins ON app.accounts AS PERMISSIVE FOR ALL TO admin, CURRENT_USER USING (true) WITH CHECK (true);
CREATE POLICY no_deletes ON app.accounts AS RESTRICTIVE FOR DELETE TO PUBLIC USING (false);
CREATE POLICY inserts ON app.accounts FOR INSERT WITH CHECK (owner = current_user);
ALTER POLICY tenant_isolation ON app.accounts TO app_user USING (tenant_id = 1);
ALTER POLICY inserts ON app.accounts WITH CHECK (owner = session_user);
ALTER POLICY inserts ON app.accounts RENAME TO owner_inserts;
ALTER SCHEMA reporting RENAME TO reports;
ALTER EXTENSION hstore SET SCHEMA app;
ALTER FUNCTION app.touch(integer, text) RENAME TO touch_row;
ALTER PROCEDURE app.archive() SET SCHEMA archive;
ALTER AGGREGATE app.total(*) RENAME TO grand_total;
ALTER TRIGGER touch ON app.accounts RENAME TO touch_accounts;
ALTER TEXT SEARCH CONFIGURATION app.english RENAME TO english2;
ALTER ROLE old_name RENAME TO new_name;

-- SQLite triggers: the body statements are parsed.
CREATE TRIGGER accounts_touch AFTER UPDATE ON accounts
BEGIN
    UPDATE accounts SET updated_at = CURRENT_TIMESTAMP WHERE id = NEW.id;
END;
CREATE TEMP TRIGGER IF NOT EXISTS main.audit_insert AFTER INSERT ON accounts FOR EACH ROW
BEGIN
    INSERT INTO audit (account_id, action) VALUES (NEW.id, 'insert');
    INSERT INTO audit (account_id, action) SELECT NEW.id, 'again';
END;
CREATE TRIGGER no_null_owner BEFORE UPDATE OF owner ON accounts WHEN NEW.owner IS NULL
BEGIN
    SELECT RAISE(ABORT, 'owner is required');
END;
CREATE TRIGGER cascade_delete DELETE ON accounts
BEGIN
    DELETE FROM audit WHERE account_id = OLD.id;
END;
CREATE TRIGGER view_insert INSTEAD OF INSERT ON account_view
BEGIN
    INSERT INTO accounts (id, owner) VALUES (NEW.id, NEW.owner);
    UPDATE stats SET n = CASE WHEN n IS NULL THEN 1 ELSE n + 1 END;
END;
CREATE VIEW IF NOT EXISTS account_names AS SELECT id, owner FROM accounts;
CREATE TEMP VIEW t_names AS SELECT 1;

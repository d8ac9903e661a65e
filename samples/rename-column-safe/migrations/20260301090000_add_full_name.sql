-- Expand: the new column next to the old one, kept in sync by a trigger while
-- both versions write; the old column stops being required so that the new
-- version, which writes only full_name, can insert.
SET lock_timeout = '2s';
ALTER TABLE customers ADD COLUMN full_name text;
ALTER TABLE customers ALTER COLUMN name DROP NOT NULL;

CREATE FUNCTION customers_sync_full_name() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.full_name IS NULL THEN
        NEW.full_name := NEW.name;
    ELSIF NEW.name IS NULL THEN
        NEW.name := NEW.full_name;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER customers_sync_full_name
    BEFORE INSERT OR UPDATE ON customers
    FOR EACH ROW EXECUTE FUNCTION customers_sync_full_name();

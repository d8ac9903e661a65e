DROP FUNCTION diesel_set_updated_at();

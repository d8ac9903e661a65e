DROP FUNCTION normalize_email(text);

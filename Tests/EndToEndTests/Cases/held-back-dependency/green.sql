SELECT id, theme FROM profiles WHERE id = $1;

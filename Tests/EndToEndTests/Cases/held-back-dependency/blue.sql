SELECT id, settings FROM profiles WHERE id = $1;

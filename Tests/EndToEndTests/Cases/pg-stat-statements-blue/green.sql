SELECT id, user_id, ip FROM sessions WHERE id = $1;

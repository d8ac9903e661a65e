INSERT INTO notes VALUES (?1, ?2, ?3, ?4);

SELECT id, body, color FROM notes WHERE id = $id;

-- pinned is NOT NULL with a default; body has none (NOT NULL constraint failed).
INSERT INTO notes (color) VALUES (?);

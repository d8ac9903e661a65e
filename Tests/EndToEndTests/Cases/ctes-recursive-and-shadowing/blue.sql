-- The CTE named tags shadows the table: dropping the table does not break it.
WITH tags AS (SELECT id, name AS label FROM categories)
SELECT label FROM tags;

WITH RECURSIVE tree (id, depth) AS (
    SELECT id, 0 FROM categories WHERE parent_id IS NULL
    UNION ALL
    SELECT c.id, t.depth + 1 FROM categories c JOIN tree t ON c.parent_id = t.id
)
SELECT id, depth FROM tree;

-- The CTE only exposes id (42703).
WITH c AS (SELECT id FROM categories) SELECT name FROM c;

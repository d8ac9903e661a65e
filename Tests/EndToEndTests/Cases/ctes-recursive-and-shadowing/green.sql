WITH c AS (SELECT id, slug FROM categories) SELECT slug FROM c WHERE id = $1;

WITH RECURSIVE path AS (
    SELECT id, parent_id, slug FROM categories WHERE id = $1
    UNION ALL
    SELECT c.id, c.parent_id, c.slug FROM categories c JOIN path p ON c.id = p.parent_id
)
SELECT slug FROM path;

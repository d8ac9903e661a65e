-- name is in both tables (42702 on every schema).
SELECT name FROM authors JOIN books ON books.author_id = authors.id;

-- title is only in books today; the new authors.title (line 1 of the migration) makes it ambiguous.
SELECT authors.id, title FROM authors JOIN books ON books.author_id = authors.id;

-- Qualified references stay unambiguous.
SELECT a.name, b.title FROM authors a JOIN books b ON b.author_id = a.id WHERE b.id = $1;

SELECT a.title AS honorific, b.title FROM authors a JOIN books b ON b.author_id = a.id;

DROP INDEX posts_id;

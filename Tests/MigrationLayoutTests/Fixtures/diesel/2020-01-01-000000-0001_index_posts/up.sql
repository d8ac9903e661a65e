CREATE INDEX CONCURRENTLY posts_id ON posts (id);

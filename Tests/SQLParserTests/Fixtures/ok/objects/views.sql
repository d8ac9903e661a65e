-- Views and materialized views.
CREATE VIEW active_users AS SELECT id, name FROM users WHERE deleted_at IS NULL;
CREATE OR REPLACE VIEW app.user_names (id, label) AS SELECT id, lower(name) FROM users;
CREATE TEMP VIEW recent AS SELECT * FROM events ORDER BY created_at DESC LIMIT 10;
CREATE RECURSIVE VIEW nums (n) AS VALUES (1) UNION ALL SELECT n + 1 FROM nums WHERE n < 10;
CREATE VIEW secure WITH (security_barrier = true, check_option = local) AS SELECT * FROM users WHERE owner = current_user;
CREATE VIEW writable AS SELECT * FROM users WHERE active WITH CASCADED CHECK OPTION;
CREATE VIEW writable_local AS SELECT * FROM users WHERE active WITH LOCAL CHECK OPTION;
CREATE VIEW with_cte AS WITH x AS (SELECT 1 AS a) SELECT a FROM x;
CREATE MATERIALIZED VIEW stats AS SELECT user_id, count(*) FROM events GROUP BY user_id;
CREATE MATERIALIZED VIEW IF NOT EXISTS app.stats2 (user_id, total) USING heap WITH (fillfactor = 70) TABLESPACE pg_default
    AS SELECT user_id, count(*) FROM events GROUP BY user_id WITH NO DATA;
CREATE MATERIALIZED VIEW stats3 AS SELECT 1 WITH DATA;
REFRESH MATERIALIZED VIEW stats;
REFRESH MATERIALIZED VIEW CONCURRENTLY app.stats2 WITH DATA;

// The differential test's inputs: one baseline schema, the schema changes a
// migration makes (each applied on its own on top of the baseline), and queries
// covering every construct the binder resolves. Each query is checked on every
// variant, by the binder and by the engine, and the verdicts must agree.

enum DifferentialCases {
    /// A query, the construct it exercises, and whether the engine must execute it
    /// (planner and NOT NULL checks) rather than only prepare it.
    struct Case {
        var construct: String
        var sql: String
        var execute: Bool

        init(_ construct: String, _ sql: String, execute: Bool = false) {
            self.construct = construct
            self.sql = sql
            self.execute = execute
        }
    }

    static let postgresSchema = """
        CREATE TYPE mood AS ENUM ('happy', 'sad', 'ok');
        CREATE DOMAIN email_address AS text NOT NULL CHECK (VALUE LIKE '%@%');
        CREATE TABLE accounts (
          id bigserial PRIMARY KEY,
          email text NOT NULL,
          name text,
          mood mood NOT NULL DEFAULT 'ok',
          created_at timestamptz NOT NULL DEFAULT now(),
          score integer NOT NULL DEFAULT 0,
          tenant_id bigint NOT NULL DEFAULT 1
        );
        CREATE UNIQUE INDEX accounts_email_key ON accounts (email);
        CREATE UNIQUE INDEX accounts_lower_name ON accounts (lower(name));
        CREATE UNIQUE INDEX accounts_tenant_name_active ON accounts (tenant_id, name) WHERE score > 0;
        CREATE TABLE posts (
          id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          account_id bigint NOT NULL,
          title text NOT NULL,
          body text,
          tags text[],
          meta jsonb,
          published boolean NOT NULL DEFAULT false,
          slug text GENERATED ALWAYS AS (lower(title)) STORED
        );
        CREATE TABLE comments (
          id serial PRIMARY KEY,
          post_id bigint NOT NULL,
          account_id bigint NOT NULL,
          body text NOT NULL,
          CONSTRAINT comments_post_account UNIQUE (post_id, account_id)
        );
        CREATE TABLE contacts (id bigint PRIMARY KEY, address email_address);
        CREATE VIEW active_accounts AS SELECT id, email, name FROM accounts WHERE score > 0;
        CREATE SEQUENCE invoice_numbers;
        CREATE FUNCTION account_label(a_id bigint) RETURNS text LANGUAGE sql AS $$ SELECT 'a' || a_id::text $$;
        CREATE FUNCTION recent_posts(n integer) RETURNS TABLE(post_id bigint, title text)
          LANGUAGE sql AS $$ SELECT id, title FROM posts ORDER BY id DESC LIMIT n $$;
        """

    /// Schema changes, each applied alone on top of the baseline.
    static let postgresVariants: [(name: String, sql: String)] = [
        ("baseline", ""),
        ("add nullable column", "ALTER TABLE accounts ADD COLUMN nickname text;"),
        ("add column making a name ambiguous", "ALTER TABLE posts ADD COLUMN email text;"),
        ("add column shared with a USING join", "ALTER TABLE comments ADD COLUMN title text;"),
        ("drop column", "ALTER TABLE accounts DROP COLUMN name CASCADE;"),
        ("drop column read by star", "ALTER TABLE posts DROP COLUMN body;"),
        ("rename column", "ALTER TABLE accounts RENAME COLUMN email TO email_address;"),
        ("rename column under a generated one", "ALTER TABLE posts RENAME COLUMN title TO headline;"),
        ("retype bigint to text", "ALTER TABLE accounts ALTER COLUMN tenant_id DROP DEFAULT; ALTER TABLE accounts ALTER COLUMN tenant_id TYPE text USING tenant_id::text;"),
        ("retype text to integer", "ALTER TABLE posts ALTER COLUMN body TYPE integer USING length(body);"),
        ("retype enum to text", "ALTER TABLE accounts ALTER COLUMN mood DROP DEFAULT; ALTER TABLE accounts ALTER COLUMN mood TYPE text;"),
        ("set not null", "ALTER TABLE accounts ALTER COLUMN name SET NOT NULL;"),
        ("drop default", "ALTER TABLE accounts ALTER COLUMN score DROP DEFAULT;"),
        ("add required column", "ALTER TABLE accounts ADD COLUMN region text NOT NULL DEFAULT 'eu'; ALTER TABLE accounts ALTER COLUMN region DROP DEFAULT;"),
        ("drop unique index", "DROP INDEX accounts_email_key;"),
        ("drop expression index", "DROP INDEX accounts_lower_name;"),
        ("drop partial index", "DROP INDEX accounts_tenant_name_active;"),
        ("drop unique constraint", "ALTER TABLE comments DROP CONSTRAINT comments_post_account;"),
        ("rename table", "ALTER TABLE posts RENAME TO articles;"),
        ("drop table", "DROP TABLE comments;"),
        ("drop view", "DROP VIEW active_accounts;"),
        ("drop function", "DROP FUNCTION account_label(bigint);"),
        ("drop set-returning function", "DROP FUNCTION recent_posts(integer);"),
        ("rename enum value", "ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';"),
        ("drop sequence", "DROP SEQUENCE invoice_numbers;"),
        ("domain allows null", "ALTER DOMAIN email_address DROP NOT NULL;"),
        ("identity by default", "ALTER TABLE posts ALTER COLUMN id SET GENERATED BY DEFAULT;"),
        ("drop identity", "ALTER TABLE posts ALTER COLUMN id DROP IDENTITY;"),
    ]

    static let postgresQueries: [Case] = [
        Case("select", "SELECT id, email, name FROM accounts WHERE id = $1"),
        Case("star", "SELECT * FROM accounts"),
        Case("qualified star", "SELECT a.* FROM accounts a WHERE a.email = $1"),
        Case("quoted name", #"SELECT "Email" FROM accounts"#),
        Case("case folding", "SELECT EMAIL FROM ACCOUNTS"),
        Case("schema-qualified column", "SELECT public.accounts.id FROM public.accounts"),
        Case("alias hides table name", "SELECT id FROM accounts a WHERE accounts.id = 1"),
        Case("join on", "SELECT a.email, p.title FROM accounts a JOIN posts p ON p.account_id = a.id"),
        Case("ambiguous column", "SELECT id, title FROM accounts JOIN posts ON posts.account_id = accounts.id"),
        Case("ambiguous after join", "SELECT email, title FROM accounts JOIN posts ON posts.account_id = accounts.id"),
        Case("join using", "SELECT account_id, title FROM posts JOIN comments USING (account_id)"),
        Case("natural join", "SELECT post_id, account_id FROM comments NATURAL JOIN (SELECT id AS post_id, account_id FROM posts) p"),
        Case("lateral subquery", "SELECT a.id, x.n FROM accounts a LEFT JOIN LATERAL (SELECT count(*) AS n FROM posts p WHERE p.account_id = a.id) x ON true"),
        Case("non-lateral sibling reference", "SELECT a.id FROM accounts a, (SELECT account_id FROM posts WHERE account_id = a.id) s"),
        Case("record function with column list", "SELECT u.id, r.k, r.v FROM accounts u, LATERAL jsonb_to_recordset(u.name::jsonb) AS r(k text, v text)"),
        Case("aliased join", "SELECT j.email FROM (accounts JOIN posts ON posts.account_id = accounts.id) AS j"),
        Case("aliased join ambiguous", "SELECT j.id FROM (accounts JOIN posts ON posts.account_id = accounts.id) AS j"),
        Case("join using alias", "SELECT x.account_id FROM posts JOIN comments USING (account_id) AS x"),
        Case("cte", "WITH recent AS (SELECT id, account_id FROM posts WHERE published) SELECT r.id, a.email FROM recent r JOIN accounts a ON a.id = r.account_id"),
        Case("recursive cte", "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10) SELECT i FROM n"),
        Case("cte shadows table", "WITH accounts AS (SELECT id, email FROM public.accounts) SELECT id, email FROM accounts"),
        Case("cte shadows table column", "WITH accounts AS (SELECT id FROM public.accounts) SELECT name FROM accounts"),
        Case("data-modifying cte", "WITH moved AS (DELETE FROM comments WHERE post_id = $1 RETURNING id, body) SELECT count(*) FROM moved"),
        Case("exists", "SELECT id FROM accounts a WHERE EXISTS (SELECT 1 FROM posts p WHERE p.account_id = a.id AND p.published)"),
        Case("in subquery", "SELECT id FROM accounts WHERE id IN (SELECT account_id FROM comments WHERE post_id = $1)"),
        Case("scalar subquery", "SELECT id, (SELECT count(*) FROM posts p WHERE p.account_id = accounts.id) AS n FROM accounts"),
        Case("any subquery", "SELECT id FROM accounts WHERE id = ANY (SELECT account_id FROM posts)"),
        Case("in subquery width", "SELECT id FROM accounts WHERE id IN (SELECT id, account_id FROM posts)"),
        Case("row in subquery", "SELECT 1 FROM accounts WHERE (id, email) IN (SELECT account_id, title FROM posts)"),
        Case("union", "SELECT email FROM accounts UNION SELECT title FROM posts ORDER BY 1"),
        Case("except", "SELECT id FROM accounts EXCEPT SELECT account_id FROM posts"),
        Case("union width", "SELECT id, email FROM accounts UNION ALL SELECT id FROM posts"),
        Case("union types", "SELECT email FROM accounts UNION SELECT id FROM posts"),
        Case("values", "SELECT v.a, v.b FROM (VALUES (1, 'x'), (2, 'y')) AS v(a, b)"),
        Case("values join", "SELECT a.id FROM accounts a JOIN (VALUES (1::bigint)) AS v(id) ON v.id = a.id"),
        Case("generate_series", "SELECT g FROM generate_series(1, 3) AS g"),
        Case("unnest lateral", "SELECT p.id, t.tag FROM posts p, unnest(p.tags) AS t(tag)"),
        Case("user table function", "SELECT post_id, title FROM recent_posts(5)"),
        Case("jsonb_each", "SELECT e.key FROM posts p, jsonb_each(p.meta) AS e WHERE p.id = $1"),
        Case("group by order by output name", "SELECT account_id, count(*) AS n FROM posts GROUP BY account_id ORDER BY n DESC"),
        Case("group by output name", "SELECT lower(email) AS e FROM accounts GROUP BY e"),
        Case("output name in expression", "SELECT account_id AS a FROM posts ORDER BY a + 1"),
        Case("window", "SELECT account_id, row_number() OVER (PARTITION BY account_id ORDER BY id) AS rn FROM posts"),
        Case("named window", "SELECT account_id, sum(id) OVER w FROM posts WINDOW w AS (PARTITION BY account_id)"),
        Case("group by position", "SELECT name, count(*) FROM accounts GROUP BY 1 HAVING count(*) > $1"),
        Case("distinct on", "SELECT DISTINCT ON (account_id) account_id, title FROM posts ORDER BY account_id, id DESC"),
        Case("user function", "SELECT account_label(id) FROM accounts"),
        Case("sequence", "SELECT nextval('invoice_numbers')"),
        Case("enum literal", "SELECT id FROM accounts WHERE mood = 'sad'"),
        Case("enum in list", "SELECT id FROM accounts WHERE mood IN ('happy', 'sad')"),
        Case("enum cast", "SELECT 'sad'::mood"),
        Case("casts", "SELECT id::text, created_at::date FROM accounts"),
        Case("integer comparison", "SELECT id FROM accounts WHERE score > 10"),
        Case("bigint comparison", "SELECT id FROM accounts WHERE tenant_id = 1"),
        Case("string function", "SELECT upper(body) FROM posts"),
        Case("like", "SELECT count(*) FROM accounts WHERE name LIKE 'a%'"),
        Case("unknown function", "SELECT no_such_function(id) FROM accounts"),
        Case("unknown type", "SELECT id::no_such_type FROM accounts"),
        Case("for update of", "SELECT id FROM accounts FOR UPDATE OF accounts"),
        Case("view", "SELECT id, email FROM active_accounts"),
        Case("sequence relation", "SELECT last_value FROM invoice_numbers"),
        Case("table", "TABLE accounts"),
        Case("star over join", "SELECT * FROM accounts a JOIN posts p ON p.account_id = a.id"),
        Case("array operator", "SELECT title FROM posts WHERE tags && $1::text[]"),
        Case("jsonb operators", "SELECT meta->>'k' FROM posts WHERE meta @> $1::jsonb"),
        Case("coalesce", "SELECT coalesce(name, email) FROM accounts"),
        Case("case", "SELECT CASE WHEN score > 0 THEN 'pos' ELSE 'neg' END FROM accounts"),
        Case("syntax error", "SELEC id FROM accounts"),
        Case("insert returning", "INSERT INTO accounts (email) VALUES ($1) RETURNING id", execute: true),
        Case("insert", "INSERT INTO accounts (email, name) VALUES ($1, $2)", execute: true),
        Case("insert enum literal", "INSERT INTO accounts (email, name, mood) VALUES ($1, $2, 'sad')", execute: true),
        Case("positional insert", "INSERT INTO accounts VALUES (DEFAULT, $1, $2)", execute: true),
        Case("insert null literal", "INSERT INTO accounts (email) VALUES (NULL)", execute: true),
        Case("insert misses not null", "INSERT INTO accounts (name) VALUES ($1)", execute: true),
        Case("insert generated returning", "INSERT INTO posts (account_id, title) VALUES ($1, $2) RETURNING id, slug", execute: true),
        Case("insert identity always", "INSERT INTO posts (id, account_id, title) VALUES ($1, $2, $3)", execute: true),
        Case("insert generated column", "INSERT INTO posts (account_id, title, slug) VALUES ($1, $2, $3)", execute: true),
        Case("on conflict columns do update", "INSERT INTO comments (post_id, account_id, body) VALUES ($1, $2, $3) ON CONFLICT (post_id, account_id) DO UPDATE SET body = EXCLUDED.body", execute: true),
        Case("on conflict on constraint", "INSERT INTO comments (post_id, account_id, body) VALUES ($1, $2, $3) ON CONFLICT ON CONSTRAINT comments_post_account DO NOTHING", execute: true),
        Case("on conflict unique index", "INSERT INTO accounts (email, name) VALUES ($1, $2) ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name", execute: true),
        Case("on conflict expression", "INSERT INTO accounts (email, name) VALUES ($1, $2) ON CONFLICT (lower(name)) DO NOTHING", execute: true),
        Case("on conflict partial index", "INSERT INTO accounts (email, tenant_id, name, score) VALUES ($1, $2, $3, 1) ON CONFLICT (tenant_id, name) WHERE score > 0 DO NOTHING", execute: true),
        Case("on conflict partial without where", "INSERT INTO accounts (email, tenant_id, name) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, name) DO NOTHING", execute: true),
        Case("insert select", "INSERT INTO accounts (email) SELECT s.e FROM (VALUES ($1::text)) AS s(e)", execute: true),
        Case("insert select star", "INSERT INTO comments SELECT * FROM comments WHERE id = $1", execute: true),
        Case("domain not null omitted", "INSERT INTO contacts (id) VALUES ($1)", execute: true),
        Case("domain supplied", "INSERT INTO contacts (id, address) VALUES ($1, $2)", execute: true),
        Case("insert new column", "INSERT INTO accounts (email, nickname) VALUES ($1, $2)", execute: true),
        Case("insert duplicate column", "INSERT INTO accounts (email, email) VALUES ($1, $2)", execute: true),
        Case("insert too many values", "INSERT INTO accounts (email) VALUES ($1, $2)", execute: true),
        Case("update", "UPDATE accounts SET name = $2 WHERE id = $1", execute: true),
        Case("update enum literal", "UPDATE accounts SET mood = 'sad' WHERE id = $1", execute: true),
        Case("update returning", "UPDATE accounts SET score = score + 1 WHERE email = $1 RETURNING score", execute: true),
        Case("update from", "UPDATE posts SET title = a.name FROM accounts a WHERE a.id = posts.account_id", execute: true),
        Case("update unknown column", "UPDATE accounts SET nope = 1", execute: true),
        Case("update generated column", "UPDATE posts SET slug = $1", execute: true),
        Case("delete using", "DELETE FROM comments c USING posts p WHERE p.id = c.post_id AND p.account_id = $1", execute: true),
        Case("delete returning star", "DELETE FROM accounts WHERE email = $1 RETURNING *", execute: true),
        Case("merge", "MERGE INTO accounts a USING (VALUES ($1::text, $2::text)) AS s(email, name) ON a.email = s.email WHEN MATCHED THEN UPDATE SET name = s.name WHEN NOT MATCHED THEN INSERT (email, name) VALUES (s.email, s.name)", execute: true),
        Case("insert bigint literal into retyped column", "INSERT INTO accounts (email, tenant_id) VALUES ($1, 5)", execute: true),
        Case("compare retyped column with parameter", "SELECT id FROM posts WHERE body = $1"),
        Case("order by ambiguous output", "SELECT id AS x, email AS x FROM accounts ORDER BY x"),
        Case("group by input wins", "SELECT lower(email) AS name FROM accounts GROUP BY name, email"),
    ]

    // SQLite.

    static let sqliteSchema = """
        CREATE TABLE tasks (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          title TEXT NOT NULL,
          done INTEGER NOT NULL DEFAULT 0,
          owner TEXT
        );
        CREATE TABLE tags (task_id INTEGER NOT NULL, tag TEXT NOT NULL, UNIQUE (task_id, tag));
        CREATE UNIQUE INDEX tasks_title ON tasks (title);
        CREATE VIEW open_tasks AS SELECT id, title FROM tasks WHERE done = 0;
        """

    static let sqliteVariants: [(name: String, sql: String)] = [
        ("baseline", ""),
        ("add column", "ALTER TABLE tasks ADD COLUMN due_at TEXT;"),
        ("add column shared with a join", "ALTER TABLE tags ADD COLUMN title TEXT;"),
        ("drop column", "ALTER TABLE tasks DROP COLUMN owner;"),
        ("rename column", "ALTER TABLE tasks RENAME COLUMN owner TO assignee;"),
        ("rename table", "ALTER TABLE tags RENAME TO labels;"),
        ("drop table", "DROP TABLE tags;"),
        ("drop view", "DROP VIEW open_tasks;"),
        ("drop unique index", "DROP INDEX tasks_title;"),
    ]

    static let sqliteQueries: [Case] = [
        Case("select", "SELECT id, title FROM tasks WHERE done = 0"),
        Case("named parameter", "SELECT id, title, owner FROM tasks WHERE owner = :owner"),
        Case("star", "SELECT * FROM tasks"),
        Case("case-insensitive names", "SELECT ID, Title FROM TASKS"),
        Case("join", "SELECT t.title, g.tag FROM tasks t JOIN tags g ON g.task_id = t.id"),
        Case("ambiguous", "SELECT title FROM tasks JOIN tags ON tags.task_id = tasks.id"),
        Case("using", "SELECT title, tag FROM tasks JOIN (SELECT task_id AS id, tag FROM tags) USING (id)"),
        Case("cte", "WITH t AS (SELECT id, title FROM tasks) SELECT title FROM t"),
        Case("subquery", "SELECT id FROM tasks WHERE id IN (SELECT task_id FROM tags WHERE tag = ?)"),
        Case("order by alias", "SELECT title AS t FROM tasks ORDER BY t"),
        Case("alias in where", "SELECT done + 1 AS d FROM tasks WHERE d > 1"),
        Case("unknown column", "SELECT nope FROM tasks"),
        Case("unknown function", "SELECT no_such_function(id) FROM tasks"),
        Case("view", "SELECT id FROM open_tasks"),
        Case("insert", "INSERT INTO tasks (title) VALUES (?)"),
        Case("insert unknown column", "INSERT INTO tasks (title, due_at) VALUES (?, ?)"),
        Case("positional insert", "INSERT INTO tasks VALUES (NULL, ?, 0, ?)"),
        Case("positional insert short", "INSERT INTO tasks VALUES (NULL, ?, 0)"),
        Case("insert count mismatch", "INSERT INTO tasks (title, done) VALUES (?)"),
        Case("upsert", "INSERT INTO tasks (title) VALUES (?) ON CONFLICT (title) DO UPDATE SET done = excluded.done"),
        Case("upsert pair", "INSERT INTO tags (task_id, tag) VALUES (?, ?) ON CONFLICT (task_id, tag) DO NOTHING"),
        Case("upsert no index", "INSERT INTO tasks (title, owner) VALUES (?, ?) ON CONFLICT (owner) DO NOTHING"),
        Case("update", "UPDATE tasks SET owner = ? WHERE id = ?"),
        Case("update unknown column", "UPDATE tasks SET nope = 1"),
        Case("delete", "DELETE FROM tags WHERE task_id = ?"),
        Case("returning", "INSERT INTO tasks (title) VALUES (?) RETURNING id, owner"),
        Case("table function", "SELECT j.value FROM tasks, json_each(tasks.owner) AS j"),
    ]
}

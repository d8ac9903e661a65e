-- CREATE TABLE and CREATE TABLE AS as PostgreSQL 15 accepts them; replays on an empty database.

CREATE TABLE accounts (
    id bigint GENERATED ALWAYS AS IDENTITY (START WITH 10 INCREMENT BY 1 NO CYCLE) PRIMARY KEY,
    email text NOT NULL COLLATE "C" UNIQUE NULLS NOT DISTINCT,
    name varchar(64) DEFAULT 'anon' NOT NULL CHECK (name <> ''),
    balance numeric(12, 2) DEFAULT 0 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    tags text[] DEFAULT '{}',
    doubled numeric GENERATED ALWAYS AS (balance * 2) STORED
);

CREATE TABLE IF NOT EXISTS public.orders (
    id serial,
    account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED,
    parent_id int,
    code text,
    amount int CONSTRAINT amount_positive CHECK (amount > 0),
    CONSTRAINT orders_pk PRIMARY KEY (id) WITH (fillfactor = 90),
    CONSTRAINT orders_code_u UNIQUE (account_id, code) INCLUDE (parent_id),
    CONSTRAINT orders_parent_fk FOREIGN KEY (parent_id) REFERENCES orders (id) MATCH SIMPLE ON DELETE SET NULL (parent_id),
    CHECK (code IS NULL OR length(code) > 2) NO INHERIT
);

CREATE TABLE bookings (
    room int NOT NULL,
    during tsrange NOT NULL,
    CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&) WHERE (room > 0)
);

CREATE TABLE IF NOT EXISTS orders (id int);

CREATE TEMP TABLE scratch (a int) ON COMMIT PRESERVE ROWS;
CREATE GLOBAL TEMPORARY TABLE scratch2 (a int) ON COMMIT DELETE ROWS;
CREATE UNLOGGED TABLE cache (k text PRIMARY KEY USING INDEX TABLESPACE pg_default, v jsonb)
    WITH (autovacuum_enabled = false, toast.autovacuum_enabled = false);
CREATE TABLE audit (LIKE accounts INCLUDING DEFAULTS INCLUDING CONSTRAINTS EXCLUDING INDEXES, note text);
CREATE TABLE base (id int, label text);
CREATE TABLE derived (extra int) INHERITS (base);
CREATE TABLE empty_one ();
CREATE TABLE heap_table (a int) USING heap TABLESPACE pg_default;
CREATE TABLE "Quoted Name" ("Select" int, exclude int, key text, "user" text);

CREATE TABLE measurements (city_id int NOT NULL, logdate date NOT NULL, peak int) PARTITION BY RANGE (logdate);
CREATE TABLE measurements_2020 PARTITION OF measurements FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE TABLE measurements_old PARTITION OF measurements FOR VALUES FROM (MINVALUE) TO ('2020-01-01');
CREATE TABLE measurements_rest PARTITION OF measurements DEFAULT;

CREATE TABLE events (kind text, payload jsonb) PARTITION BY LIST (lower(kind));
CREATE TABLE events_a PARTITION OF events (CONSTRAINT payload_present CHECK (payload IS NOT NULL))
    FOR VALUES IN ('a', 'b');

CREATE TABLE shards (id int, body text) PARTITION BY HASH (id);
CREATE TABLE shards_0 PARTITION OF shards FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE shards_1 PARTITION OF shards (id WITH OPTIONS NOT NULL) FOR VALUES WITH (modulus 2, remainder 1);

CREATE TABLE multi (a int, b text) PARTITION BY RANGE (a, (lower(b)));

CREATE TYPE pair AS (a int, b int);
CREATE TABLE pairs OF pair (a WITH OPTIONS PRIMARY KEY);

CREATE TABLE copy_of AS SELECT id, email FROM accounts WITH NO DATA;
CREATE TABLE IF NOT EXISTS copy_cols (x, y) AS SELECT 1, 'a' WITH DATA;
CREATE TABLE copy_table USING heap WITH (fillfactor = 50) AS TABLE accounts;
CREATE TABLE copy_values AS VALUES (1, 'one'), (2, 'two');
CREATE TEMP TABLE tmp_copy ON COMMIT DROP AS (SELECT * FROM base);

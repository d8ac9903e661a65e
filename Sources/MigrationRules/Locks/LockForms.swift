import Diagnostics
import SQLParser
import SQLSyntax
import SchemaCatalog

/// One statement form the lock model knows, as a runnable example on the fixture
/// schema. `docs/lock-model.md` is generated from these, and the server verification
/// test runs each one on PostgreSQL 15 and compares `pg_locks` and `relfilenode`.
public struct LockForm: Sendable, Hashable {
    /// How the verification test observes a form that cannot run in a transaction block.
    public enum Probe: Sendable, Hashable {
        /// Run inside `BEGIN ... ROLLBACK`, read `pg_locks` for the own backend.
        case inTransaction
        /// A second session holds `mode` on `table`; the statement waits behind it (or for it
        /// to finish, for the CONCURRENTLY forms), and a third session reads the waiting
        /// backend's `pg_locks`. Only what is taken up to that wait is visible.
        case blockedBehind(table: String, mode: LockMode)
    }

    public var name: String
    public var sql: String
    public var probe: Probe
    /// Run with `TimeZone = 'UTC'` (and the model told so); otherwise a non-UTC zone.
    public var utcSession: Bool
    /// Facts the server cannot show for this form, and why: they are not asserted.
    public var unobservable: [String]

    public init(_ name: String, _ sql: String, probe: Probe = .inTransaction, utcSession: Bool = false, unobservable: [String] = []) {
        self.name = name
        self.sql = sql
        self.probe = probe
        self.utcSession = utcSession
        self.unobservable = unobservable
    }
}

/// The fixture schema and the statement forms run on it.
public enum LockForms {
    /// Tables with rows, a foreign key, indexes, validated and NOT VALID CHECKs, an enum,
    /// partitions, a view and a materialized view. Valid SQL for PostgreSQL 10+... and the
    /// replay; `LockForms.catalog()` is the same schema as a `Catalog`.
    public static let fixture = """
        CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
        CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
        CREATE TABLE parent (id bigint PRIMARY KEY, code text);
        CREATE TABLE items (
            id integer PRIMARY KEY,
            parent_id bigint,
            name varchar(20),
            title text,
            price numeric(10,2),
            amount integer,
            bits varbit(8),
            net cidr,
            ts timestamp,
            status mood,
            note varchar,
            qty positive,
            CONSTRAINT items_amount_not_null CHECK (amount IS NOT NULL)
        );
        CREATE TABLE orders (id integer PRIMARY KEY, parent_id bigint REFERENCES parent (id), total numeric(12,2));
        CREATE INDEX items_name_idx ON items (name);
        CREATE INDEX items_amount_idx ON items (amount);
        CREATE UNIQUE INDEX items_title_idx ON items (title);
        ALTER TABLE items ADD CONSTRAINT items_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id) NOT VALID;
        ALTER TABLE items ADD CONSTRAINT items_price_check CHECK (price >= 0) NOT VALID;
        CREATE TABLE events (id integer, at date NOT NULL) PARTITION BY RANGE (at);
        CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
        CREATE TABLE events_old PARTITION OF events FOR VALUES FROM ('2000-01-01') TO ('2024-01-01');
        CREATE TABLE events_2025 (id integer, at date NOT NULL);
        CREATE TABLE events_2026 (id integer, at date NOT NULL, CONSTRAINT events_2026_bound CHECK (at >= '2026-01-01' AND at < '2027-01-01'));
        CREATE VIEW item_view AS SELECT id FROM items;
        CREATE MATERIALIZED VIEW item_names AS SELECT id, id * 2 AS twice FROM items;
        CREATE UNIQUE INDEX item_names_id ON item_names (id);
        CREATE UNIQUE INDEX events_2025_id_idx ON events_2025 (id);
        CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
        CREATE TRIGGER items_touch BEFORE UPDATE ON items FOR EACH ROW EXECUTE PROCEDURE touch();
        CREATE SEQUENCE counter;
        """

    /// Rows for the fixture (the catalog does not need them).
    public static let fixtureRows = """
        INSERT INTO parent SELECT g, 'p' || g FROM generate_series(1, 100) g;
        INSERT INTO items SELECT g, 1 + g % 100, 'n' || g, 't' || g, g, g, B'1010', '10.0.0.0/8', '2024-01-01', 'ok', 'x', g
            FROM generate_series(1, 1000) g;
        INSERT INTO orders SELECT g, 1 + g % 100, g FROM generate_series(1, 500) g;
        INSERT INTO events SELECT g, DATE '2024-01-01' + g % 300 FROM generate_series(1, 500) g;
        INSERT INTO events SELECT g, DATE '2010-01-01' + g FROM generate_series(1, 100) g;
        INSERT INTO events_2025 SELECT g, DATE '2025-01-01' + g % 300 FROM generate_series(1, 500) g;
        INSERT INTO events_2026 SELECT g, DATE '2026-01-01' + g % 300 FROM generate_series(1, 500) g;
        REFRESH MATERIALIZED VIEW item_names;
        ANALYZE;
        """

    public static let all: [LockForm] = [
        // ADD COLUMN
        LockForm("ADD COLUMN, no default", "ALTER TABLE items ADD COLUMN c1 integer"),
        LockForm("ADD COLUMN, constant default", "ALTER TABLE items ADD COLUMN c1 integer DEFAULT 5"),
        LockForm("ADD COLUMN NOT NULL, constant default", "ALTER TABLE items ADD COLUMN c1 integer NOT NULL DEFAULT 0"),
        LockForm("ADD COLUMN, stable default now()", "ALTER TABLE items ADD COLUMN c1 timestamptz DEFAULT now()"),
        LockForm("ADD COLUMN, volatile default random()", "ALTER TABLE items ADD COLUMN c1 float8 DEFAULT random()"),
        LockForm("ADD COLUMN, volatile default gen_random_uuid()", "ALTER TABLE items ADD COLUMN c1 uuid DEFAULT gen_random_uuid()"),
        LockForm("ADD COLUMN serial", "ALTER TABLE items ADD COLUMN c1 serial"),
        LockForm("ADD COLUMN identity", "ALTER TABLE items ADD COLUMN c1 bigint GENERATED ALWAYS AS IDENTITY"),
        LockForm("ADD COLUMN stored generated", "ALTER TABLE items ADD COLUMN c1 integer GENERATED ALWAYS AS (amount * 2) STORED"),
        LockForm("ADD COLUMN REFERENCES, no default", "ALTER TABLE items ADD COLUMN c1 bigint REFERENCES parent (id)"),
        LockForm("ADD COLUMN REFERENCES, with default", "ALTER TABLE items ADD COLUMN c1 bigint DEFAULT 1 REFERENCES parent (id)"),
        LockForm("ADD COLUMN with CHECK, no default", "ALTER TABLE items ADD COLUMN c1 integer CHECK (c1 > 0)"),
        LockForm("ADD COLUMN UNIQUE", "ALTER TABLE items ADD COLUMN c1 integer UNIQUE"),
        LockForm(
            "ALTER TABLE with several actions",
            "ALTER TABLE items ADD COLUMN c1 integer, ADD CONSTRAINT c2 CHECK (amount > 0) NOT VALID, ALTER COLUMN name TYPE varchar(30)"),
        LockForm("ADD CHECK on a partitioned table", "ALTER TABLE events ADD CONSTRAINT c1 CHECK (id > 0)"),
        LockForm("ADD COLUMN on a partitioned table", "ALTER TABLE events ADD COLUMN c1 integer"),
        LockForm("DROP COLUMN", "ALTER TABLE items DROP COLUMN note"),
        LockForm("DROP COLUMN with an index", "ALTER TABLE items DROP COLUMN amount"),
        // ALTER COLUMN TYPE
        LockForm("TYPE integer -> bigint", "ALTER TABLE items ALTER COLUMN amount TYPE bigint"),
        LockForm("TYPE same type, validated CHECK on it", "ALTER TABLE items ALTER COLUMN amount TYPE integer"),
        LockForm("TYPE varchar(20) -> varchar(40), indexed", "ALTER TABLE items ALTER COLUMN name TYPE varchar(40)"),
        LockForm("TYPE varchar(20) -> text, indexed", "ALTER TABLE items ALTER COLUMN name TYPE text"),
        LockForm("TYPE varchar(20) -> varchar(10)", "ALTER TABLE items ALTER COLUMN name TYPE varchar(10)"),
        LockForm("TYPE varchar -> text", "ALTER TABLE items ALTER COLUMN note TYPE text"),
        LockForm("TYPE text -> varchar, unique index", "ALTER TABLE items ALTER COLUMN title TYPE varchar"),
        LockForm("TYPE text -> varchar(50)", "ALTER TABLE items ALTER COLUMN title TYPE varchar(50)"),
        LockForm("TYPE numeric(10,2) -> numeric(12,2)", "ALTER TABLE items ALTER COLUMN price TYPE numeric(12,2)"),
        LockForm("TYPE numeric(10,2) -> numeric", "ALTER TABLE items ALTER COLUMN price TYPE numeric"),
        LockForm("TYPE numeric(10,2) -> numeric(12,3)", "ALTER TABLE items ALTER COLUMN price TYPE numeric(12,3)"),
        LockForm("TYPE varbit(8) -> varbit(16)", "ALTER TABLE items ALTER COLUMN bits TYPE varbit(16)"),
        LockForm("TYPE cidr -> inet", "ALTER TABLE items ALTER COLUMN net TYPE inet"),
        LockForm("TYPE timestamp -> timestamptz", "ALTER TABLE items ALTER COLUMN ts TYPE timestamptz"),
        LockForm("TYPE timestamp -> timestamptz, TimeZone UTC", "ALTER TABLE items ALTER COLUMN ts TYPE timestamptz", utcSession: true),
        LockForm("TYPE of a referencing column (NOT VALID foreign key)", "ALTER TABLE items ALTER COLUMN parent_id TYPE integer"),
        LockForm("TYPE of a referencing column (validated foreign key)", "ALTER TABLE orders ALTER COLUMN parent_id TYPE integer"),
        LockForm("TYPE of a referenced primary key", "ALTER TABLE parent ALTER COLUMN id TYPE integer"),
        LockForm("TYPE ... USING", "ALTER TABLE items ALTER COLUMN amount TYPE integer USING amount + 1"),
        // Other ALTER COLUMN forms
        LockForm("SET DEFAULT", "ALTER TABLE items ALTER COLUMN amount SET DEFAULT 1"),
        LockForm("DROP DEFAULT", "ALTER TABLE items ALTER COLUMN amount DROP DEFAULT"),
        LockForm("SET NOT NULL, proven by a validated CHECK", "ALTER TABLE items ALTER COLUMN amount SET NOT NULL"),
        LockForm("SET NOT NULL, no CHECK", "ALTER TABLE items ALTER COLUMN price SET NOT NULL"),
        LockForm("DROP NOT NULL", "ALTER TABLE events_2025 ALTER COLUMN at DROP NOT NULL"),
        LockForm("SET NOT NULL on a partitioned table", "ALTER TABLE events ALTER COLUMN id SET NOT NULL"),
        LockForm("ADD GENERATED AS IDENTITY to a column", "ALTER TABLE parent ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY"),
        LockForm("SET STATISTICS", "ALTER TABLE items ALTER COLUMN amount SET STATISTICS 100"),
        LockForm("SET (n_distinct)", "ALTER TABLE items ALTER COLUMN amount SET (n_distinct = 10)"),
        LockForm("SET STORAGE", "ALTER TABLE items ALTER COLUMN note SET STORAGE EXTERNAL"),
        LockForm("SET COMPRESSION", "ALTER TABLE items ALTER COLUMN note SET COMPRESSION pglz"),
        // Constraints
        LockForm("ADD CHECK", "ALTER TABLE items ADD CONSTRAINT c1 CHECK (amount > 0)"),
        LockForm("ADD CHECK NOT VALID", "ALTER TABLE items ADD CONSTRAINT c1 CHECK (amount > 0) NOT VALID"),
        LockForm("ADD FOREIGN KEY", "ALTER TABLE items ADD CONSTRAINT c1 FOREIGN KEY (parent_id) REFERENCES parent (id)"),
        LockForm("ADD FOREIGN KEY NOT VALID", "ALTER TABLE items ADD CONSTRAINT c1 FOREIGN KEY (parent_id) REFERENCES parent (id) NOT VALID"),
        LockForm("VALIDATE CONSTRAINT (CHECK)", "ALTER TABLE items VALIDATE CONSTRAINT items_price_check"),
        LockForm("VALIDATE CONSTRAINT (FOREIGN KEY)", "ALTER TABLE items VALIDATE CONSTRAINT items_parent_fk"),
        LockForm("ADD UNIQUE", "ALTER TABLE items ADD CONSTRAINT c1 UNIQUE (name)"),
        LockForm("ADD UNIQUE USING INDEX", "ALTER TABLE items ADD CONSTRAINT c1 UNIQUE USING INDEX items_title_idx"),
        LockForm("ADD PRIMARY KEY", "ALTER TABLE events_2025 ADD PRIMARY KEY (id)"),
        LockForm("ADD PRIMARY KEY USING INDEX (nullable column)", "ALTER TABLE events_2025 ADD CONSTRAINT c1 PRIMARY KEY USING INDEX events_2025_id_idx"),
        LockForm("ADD EXCLUDE", "ALTER TABLE items ADD CONSTRAINT c1 EXCLUDE USING btree (amount WITH =)"),
        LockForm("DROP CONSTRAINT (CHECK)", "ALTER TABLE items DROP CONSTRAINT items_price_check"),
        LockForm("DROP CONSTRAINT (FOREIGN KEY)", "ALTER TABLE items DROP CONSTRAINT items_parent_fk"),
        LockForm("DROP CONSTRAINT (PRIMARY KEY) CASCADE", "ALTER TABLE parent DROP CONSTRAINT parent_pkey CASCADE"),
        LockForm("ALTER CONSTRAINT", "ALTER TABLE items ALTER CONSTRAINT items_parent_fk DEFERRABLE"),
        // Table-level ALTER TABLE
        LockForm("SET TABLESPACE", "ALTER TABLE items SET TABLESPACE pg_default", unobservable: [
            "rewrite, scan: the test server has only pg_default, and moving a table to the tablespace it is in copies nothing",
        ]),
        LockForm("SET UNLOGGED", "ALTER TABLE items SET UNLOGGED"),
        LockForm("SET LOGGED (already logged)", "ALTER TABLE items SET LOGGED"),
        LockForm("SET ACCESS METHOD heap", "ALTER TABLE items SET ACCESS METHOD heap"),
        LockForm("SET (fillfactor)", "ALTER TABLE items SET (fillfactor = 70)"),
        LockForm("SET (autovacuum_enabled)", "ALTER TABLE items SET (autovacuum_enabled = false)"),
        LockForm("RESET (fillfactor)", "ALTER TABLE items RESET (fillfactor)"),
        LockForm("CLUSTER ON", "ALTER TABLE items CLUSTER ON items_pkey"),
        LockForm("SET WITHOUT CLUSTER", "ALTER TABLE items SET WITHOUT CLUSTER"),
        LockForm("OWNER TO", "ALTER TABLE items OWNER TO CURRENT_USER"),
        LockForm("ENABLE ROW LEVEL SECURITY", "ALTER TABLE items ENABLE ROW LEVEL SECURITY"),
        LockForm("REPLICA IDENTITY FULL", "ALTER TABLE items REPLICA IDENTITY FULL"),
        LockForm("DISABLE TRIGGER ALL", "ALTER TABLE items DISABLE TRIGGER ALL"),
        // Partitions
        LockForm("ATTACH PARTITION, scanned", "ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')"),
        LockForm("ATTACH PARTITION, bound implied by a CHECK", "ALTER TABLE events ATTACH PARTITION events_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')"),
        LockForm("DETACH PARTITION", "ALTER TABLE events DETACH PARTITION events_old"),
        LockForm(
            "DETACH PARTITION CONCURRENTLY", "ALTER TABLE events DETACH PARTITION events_old CONCURRENTLY",
            probe: .blockedBehind(table: "events_old", mode: .accessShare)),
        LockForm("CREATE INDEX on a partitioned table", "CREATE INDEX c1 ON events (id)"),
        LockForm("LOCK TABLE on a partitioned table", "LOCK TABLE events IN SHARE MODE"),
        LockForm("TRUNCATE a partitioned table", "TRUNCATE events"),
        LockForm("CREATE TABLE PARTITION OF", "CREATE TABLE events_2030 PARTITION OF events FOR VALUES FROM ('2030-01-01') TO ('2031-01-01')"),
        // Renames and schema moves
        LockForm("RENAME TABLE", "ALTER TABLE items RENAME TO things"),
        LockForm("RENAME COLUMN", "ALTER TABLE items RENAME COLUMN note TO remark"),
        LockForm("RENAME CONSTRAINT", "ALTER TABLE items RENAME CONSTRAINT items_price_check TO c1"),
        LockForm("RENAME INDEX", "ALTER INDEX items_name_idx RENAME TO c1"),
        LockForm("RENAME VIEW", "ALTER VIEW item_view RENAME TO c1"),
        LockForm("SET SCHEMA", "ALTER TABLE items SET SCHEMA public"),
        // Indexes
        LockForm("CREATE INDEX", "CREATE INDEX c1 ON items (price)"),
        LockForm("CREATE UNIQUE INDEX", "CREATE UNIQUE INDEX c1 ON items (price)"),
        LockForm(
            "CREATE INDEX CONCURRENTLY", "CREATE INDEX CONCURRENTLY c1 ON items (price)",
            probe: .blockedBehind(table: "items", mode: .rowExclusive)),
        LockForm("DROP INDEX", "DROP INDEX items_name_idx"),
        LockForm(
            "DROP INDEX CONCURRENTLY", "DROP INDEX CONCURRENTLY items_name_idx",
            probe: .blockedBehind(table: "items", mode: .accessShare),
            unobservable: ["the final ACCESS EXCLUSIVE on the index, taken once no transaction can use it, comes after the wait that is observed (SHARE UPDATE EXCLUSIVE then)"]),
        LockForm("REINDEX INDEX", "REINDEX INDEX items_name_idx"),
        LockForm("REINDEX TABLE", "REINDEX TABLE items"),
        LockForm(
            "REINDEX INDEX CONCURRENTLY", "REINDEX INDEX CONCURRENTLY items_name_idx",
            probe: .blockedBehind(table: "items", mode: .rowExclusive),
            unobservable: ["the swap and drop phases come after the wait that is observed; the rebuilt index is checked after it finishes"]),
        LockForm("ALTER INDEX SET (fillfactor)", "ALTER INDEX items_name_idx SET (fillfactor = 70)"),
        // Maintenance
        LockForm(
            "VACUUM", "VACUUM items", probe: .blockedBehind(table: "items", mode: .shareUpdateExclusive),
            unobservable: ["only the first lock, the one VACUUM waits for, is observed"]),
        LockForm(
            "VACUUM FULL", "VACUUM FULL items", probe: .blockedBehind(table: "items", mode: .accessShare),
            unobservable: ["the index locks come after the wait that is observed; the rewrite is checked after it finishes"]),
        LockForm("ANALYZE", "ANALYZE items"),
        LockForm("CLUSTER", "CLUSTER items USING items_pkey"),
        LockForm("TRUNCATE", "TRUNCATE items"),
        LockForm("TRUNCATE CASCADE", "TRUNCATE parent CASCADE"),
        LockForm("LOCK TABLE IN SHARE MODE", "LOCK TABLE items IN SHARE MODE"),
        LockForm("LOCK TABLE", "LOCK items"),
        // Drops
        LockForm("DROP TABLE (with FK, CASCADE to views)", "DROP TABLE items CASCADE"),
        LockForm("DROP TABLE (referenced, CASCADE)", "DROP TABLE parent CASCADE"),
        LockForm("DROP VIEW", "DROP VIEW item_view"),
        LockForm("DROP MATERIALIZED VIEW", "DROP MATERIALIZED VIEW item_names"),
        // Triggers, types, views, policies, comments
        LockForm("DROP TRIGGER", "DROP TRIGGER items_touch ON items"),
        LockForm("ENABLE TRIGGER", "ALTER TABLE items ENABLE TRIGGER items_touch"),
        LockForm("ALTER SEQUENCE", "ALTER SEQUENCE counter INCREMENT BY 2"),
        LockForm("ALTER DOMAIN ADD CONSTRAINT", "ALTER DOMAIN positive ADD CONSTRAINT positive_small CHECK (VALUE < 100000)"),
        LockForm("ALTER DOMAIN ADD CONSTRAINT NOT VALID", "ALTER DOMAIN positive ADD CONSTRAINT positive_small CHECK (VALUE < 100000) NOT VALID"),
        LockForm("ALTER VIEW SET (security_barrier)", "ALTER VIEW item_view SET (security_barrier = true)"),
        LockForm("CREATE TABLE LIKE", "CREATE TABLE c1 (LIKE items INCLUDING DEFAULTS)"),
        LockForm("CREATE TABLE AS", "CREATE TABLE c1 AS SELECT id, name FROM items"),
        LockForm("COMMENT ON COLUMN", "COMMENT ON COLUMN items.note IS 'x'"),
        LockForm("CREATE TRIGGER", "CREATE TRIGGER c1 BEFORE INSERT ON items FOR EACH ROW EXECUTE PROCEDURE touch()"),
        LockForm("ALTER TYPE ADD VALUE", "ALTER TYPE mood ADD VALUE 'angry'"),
        LockForm("CREATE VIEW", "CREATE VIEW c1 AS SELECT id FROM items"),
        LockForm("CREATE OR REPLACE VIEW", "CREATE OR REPLACE VIEW item_view AS SELECT id, title FROM items"),
        LockForm("CREATE MATERIALIZED VIEW", "CREATE MATERIALIZED VIEW c1 AS SELECT id FROM items"),
        LockForm("REFRESH MATERIALIZED VIEW", "REFRESH MATERIALIZED VIEW item_names"),
        LockForm("REFRESH MATERIALIZED VIEW CONCURRENTLY", "REFRESH MATERIALIZED VIEW CONCURRENTLY item_names"),
        LockForm("CREATE TABLE REFERENCES", "CREATE TABLE c1 (id integer, p bigint REFERENCES parent (id))"),
        LockForm("CREATE TABLE INHERITS", "CREATE TABLE c1 () INHERITS (parent)"),
        LockForm("CREATE POLICY", "CREATE POLICY c1 ON items USING (true)"),
        LockForm("COMMENT ON TABLE", "COMMENT ON TABLE items IS 'x'"),
        LockForm("GRANT", "GRANT SELECT ON items TO PUBLIC"),
        LockForm("CREATE STATISTICS", "CREATE STATISTICS c1 ON amount, price FROM items"),
        // Data
        LockForm("SELECT", "SELECT count(*) FROM items"),
        LockForm("SELECT FOR UPDATE", "SELECT id FROM items WHERE id = 1 FOR UPDATE"),
        LockForm("INSERT", "INSERT INTO items (id, amount) VALUES (5000, 1)"),
        LockForm("MERGE", "MERGE INTO parent p USING items i ON p.id = i.id WHEN MATCHED THEN UPDATE SET code = 'm'"),
        LockForm("COPY TO", "COPY items TO STDOUT"),
        LockForm("INSERT ... SELECT", "INSERT INTO parent (id, code) SELECT id + 1000, name FROM items WHERE id < 10"),
        LockForm("UPDATE", "UPDATE items SET note = 'y' WHERE id = 1"),
        LockForm("DELETE", "DELETE FROM items WHERE id = 1"),
    ]

    /// SQLite has no table locks; these show the database write lock and the rebuilds.
    public static let sqliteFixture = """
        CREATE TABLE items (id integer PRIMARY KEY, name text, note text);
        CREATE INDEX items_name_idx ON items (name);
        """

    public static let sqlite: [LockForm] = [
        LockForm("ADD COLUMN", "ALTER TABLE items ADD COLUMN c1 integer"),
        LockForm("DROP COLUMN", "ALTER TABLE items DROP COLUMN note"),
        LockForm("RENAME COLUMN", "ALTER TABLE items RENAME COLUMN note TO remark"),
        LockForm("CREATE INDEX", "CREATE INDEX c1 ON items (note)"),
        LockForm("DROP TABLE", "DROP TABLE items"),
        LockForm("VACUUM", "VACUUM"),
        LockForm("INSERT", "INSERT INTO items (id) VALUES (1)"),
        LockForm("SELECT", "SELECT * FROM items"),
    ]

    /// The SQLite fixture as a catalog.
    public static func sqliteCatalog() -> Catalog {
        var replay = Replay(catalog: Catalog(dialect: .sqlite))
        replay.apply(SourceFile(path: "lock-fixture-sqlite.sql", text: sqliteFixture))
        return replay.catalog
    }

    /// The fixture schema as a catalog, by replaying `fixture`.
    public static func catalog(postgresVersion: Int = 15) -> Catalog {
        var replay = Replay(catalog: Catalog(dialect: Dialect(kind: .postgres, postgresVersion: postgresVersion)))
        replay.apply(SourceFile(path: "lock-fixture.sql", text: fixture))
        return replay.catalog
    }

    /// The model's effects for a form: each statement of its SQL against the catalog as the
    /// earlier ones leave it, merged.
    public static func effects(of form: LockForm, model: LockModel, catalog: Catalog) -> StatementEffects {
        let file = SourceFile(path: "\(form.name).sql", text: form.sql)
        let parsed = SQLParser(dialect: catalog.dialect).parse(file.bytes)
        let source = ReplaySource(file)
        var current = catalog
        var each: [StatementEffects] = []
        for statement in parsed.statements.compactMap(\.statement) {
            each.append(model.effects(of: statement, in: current, source: source))
            try? current.apply(statement, from: source)
        }
        guard var total = each.first else { return StatementEffects() }
        for e in each.dropFirst() { total.merge(e) }
        total.isDataStatement = each.allSatisfy(\.isDataStatement)
        total.normalize()
        return total
    }
}

import Diagnostics
import SchemaCatalog
import Testing

@testable import SQLiteAdapter

/// The scripts behind `SchemaCatalogTests.SQLiteReplayTests`, run through
/// libsqlite3 as well: replay must end with the catalog SQLite reports, or refuse
/// with SQLite's own message.
@Suite("SQLite replay rules against libsqlite3")
struct ReplayRuleTests {
    static func replayed(_ sql: String) -> (Catalog, Replay.Failure?) {
        var replay = Replay(catalog: Catalog(dialect: .sqlite))
        replay.apply(SourceFile(path: "rule.sql", text: sql))
        return (replay.catalog, replay.failure)
    }

    static let accepted: [String] = [
        // Foreign keys to tables that do not exist (yet), with and without columns.
        "CREATE TABLE p (a PRIMARY KEY); CREATE TABLE c (x INTEGER REFERENCES nosuch, y REFERENCES p (zz));",
        "CREATE TABLE c (q, r, FOREIGN KEY (q, r) REFERENCES x);",
        // The twelve-step rebuild of a referenced table.
        """
        CREATE TABLE p (id INTEGER PRIMARY KEY, name TEXT UNIQUE);
        CREATE TABLE c (p_id INTEGER REFERENCES p (id) ON DELETE CASCADE);
        CREATE INDEX c_p ON c (p_id);
        CREATE TABLE p_new (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, extra DEFAULT NULL);
        INSERT INTO p_new (id, name) SELECT id, name FROM p;
        DROP TABLE p;
        ALTER TABLE p_new RENAME TO p;
        CREATE INDEX p_extra ON p (extra);
        """,
        // Defaults and declared types as text.
        """
        CREATE TABLE t (a DEFAULT NULL, b DEFAULT (1+2), c DEFAULT ( 1 ), d DEFAULT -  1, e TEXT DEFAULT 'x',
          f DEFAULT CURRENT_TIMESTAMP, g DEFAULT "abc", h);
        """,
        """
        CREATE TABLE t (a unsigned   big int, b varchar( 10 ,  2 ), c text, d Integer, e int, f real, g blob,
          h Int(5), i VARCHAR (255), j bigint, k "my type", m, n DATETIME);
        """,
        // Key columns, rowid aliases, autoindex order, WITHOUT ROWID.
        """
        CREATE TABLE r (a INTEGER PRIMARY KEY);
        CREATE TABLE s (b TEXT, c TEXT, PRIMARY KEY (b, c));
        CREATE TABLE w (k TEXT PRIMARY KEY, v) WITHOUT ROWID;
        CREATE TABLE w2 (a INTEGER, b TEXT UNIQUE, PRIMARY KEY (a)) WITHOUT ROWID;
        """,
        "CREATE TABLE p (id INTEGER PRIMARY KEY, a UNIQUE, b, c, h TEXT UNIQUE UNIQUE, UNIQUE (b, c), UNIQUE (a));",
        """
        CREATE TABLE r (a INTEGER PRIMARY KEY DESC, b UNIQUE);
        CREATE TABLE f (x INT PRIMARY KEY);
        CREATE TABLE g (x INTEGER, y, PRIMARY KEY (x DESC));
        CREATE TABLE h (x integer, PRIMARY KEY (x));
        CREATE TABLE s (a UNIQUE, b, PRIMARY KEY (a));
        """,
        "CREATE TABLE t (a); CREATE INDEX index_manifest_registry_id_manifest_image_name_manifest_created_at_idx ON t (a);",
        // Renames.
        """
        CREATE TABLE p (a PRIMARY KEY, b);
        CREATE TABLE c (x REFERENCES p (a), y REFERENCES p);
        ALTER TABLE p RENAME COLUMN a TO z;
        ALTER TABLE p RENAME TO q;
        """,
        // Views, triggers, generated columns, table options; a rebuild drops the triggers.
        """
        CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT, c TEXT AS (b || 'x'), d INT GENERATED ALWAYS AS (a * 2) STORED) STRICT;
        CREATE TABLE k (id TEXT PRIMARY KEY, n INT) WITHOUT ROWID;
        CREATE VIEW v AS SELECT a, b AS bee, a + 1 FROM t;
        CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET b = 'y'; END;
        CREATE TRIGGER tr2 BEFORE UPDATE OF b ON t FOR EACH ROW BEGIN SELECT 1; END;
        CREATE TRIGGER kt AFTER DELETE ON k BEGIN SELECT 1; END;
        CREATE TABLE k_new (id TEXT PRIMARY KEY, n INT NOT NULL DEFAULT 0) WITHOUT ROWID;
        DROP TABLE k;
        ALTER TABLE k_new RENAME TO k;
        ALTER TABLE t RENAME TO t2;
        """,
        // DROP VIEW and DROP TABLE ignore what names them (a view of the name comes
        // back here, as SQLite cannot read a view's columns while it is broken);
        // the table's triggers go with it.
        """
        CREATE TABLE t (a); CREATE TABLE u (a); CREATE VIEW a AS SELECT a FROM t; CREATE VIEW b AS SELECT a FROM a;
        DROP VIEW a; CREATE VIEW a AS SELECT a FROM u;
        CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END; DROP TABLE t;
        """,
        // CHECK: double-quoted strings, the rowid, the table's own name.
        """
        CREATE TABLE t (a CHECK (a IN ("x", "y")), b CHECK ("A" > 0), c CHECK (rowid > 0), d CHECK (t.d > 0),
          CHECK (a <> b AND "B" <> 'z'));
        """,
        // CREATE TABLE AS: types named after the source columns' affinity.
        """
        CREATE TABLE t (a INTEGER, b VARCHAR(10), c REAL, d NUMERIC, e BLOB, f);
        CREATE TABLE t2 AS SELECT a, b, c, d, e, f, a + 1 AS g, 'x' AS h FROM t;
        """,
        // TEMP objects live in `temp`, searched first.
        """
        CREATE TEMP TABLE tt (a UNIQUE); CREATE INDEX ti ON tt (a); CREATE TABLE t (a);
        CREATE TEMP VIEW tv AS SELECT a FROM t; DROP TABLE tt; CREATE TABLE temp.t3 (x); CREATE TABLE t3 (y);
        """,
        // Names ignore ASCII case.
        """
        CREATE TABLE "Users" (a); CREATE INDEX i ON users (a); CREATE TABLE c (x REFERENCES USERS (a));
        CREATE TABLE "Mixed" (a UNIQUE); CREATE INDEX mi ON mixed (a); DROP INDEX MI; ALTER TABLE MIXED ADD COLUMN b;
        ALTER TABLE mixed RENAME TO other;
        """,
        // Qualified names, IF NOT EXISTS, expression and partial indexes.
        """
        CREATE TABLE main.t (a UNIQUE); CREATE INDEX main.i ON t (a); CREATE TABLE IF NOT EXISTS t (b);
        CREATE TABLE t2 (a, b); CREATE UNIQUE INDEX i2 ON t2 (lower(a), b DESC) WHERE a IS NOT NULL;
        CREATE INDEX IF NOT EXISTS i2 ON t2 (b);
        """,
        // Conflict clauses, AUTOINCREMENT, collations, defaults with calls and quotes.
        """
        CREATE TABLE t (a TEXT COLLATE NOCASE PRIMARY KEY ASC ON CONFLICT REPLACE,
          b INTEGER NOT NULL ON CONFLICT IGNORE DEFAULT 0 UNIQUE);
        CREATE TABLE u (id INTEGER PRIMARY KEY AUTOINCREMENT, b); CREATE TABLE v (id integer primary key autoincrement);
        CREATE TABLE w (a INTEGER NOT NULL PRIMARY KEY, b DEFAULT (datetime('now')), c DEFAULT 'it''s',
          d TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL);
        """,
        // Composite keys, a UNIQUE with the key's columns in another order, FK actions.
        """
        CREATE TABLE t (a, b, c, PRIMARY KEY (a, b), UNIQUE (b, a),
          FOREIGN KEY (c) REFERENCES t (a) ON UPDATE CASCADE ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED);
        """,
        // Renames, and a referenced table dropped and created again with other keys.
        """
        CREATE TABLE t (a); ALTER TABLE t RENAME TO T2; CREATE INDEX i ON t2 (a); ALTER TABLE t2 RENAME COLUMN a TO a2;
        CREATE TABLE p (a UNIQUE, b UNIQUE); CREATE TABLE u (x REFERENCES p (b)); DROP TABLE p;
        CREATE TABLE p (b PRIMARY KEY, a UNIQUE);
        """,
        // ALTER TABLE on an empty table.
        """
        CREATE TABLE u (a PRIMARY KEY);
        CREATE TABLE t (a TEXT PRIMARY KEY, b UNIQUE, c, e REFERENCES u (a), g CHECK (g > 0), k, CHECK (k <> 0));
        ALTER TABLE t ADD COLUMN x NOT NULL;
        ALTER TABLE t ADD COLUMN y DEFAULT CURRENT_TIMESTAMP;
        ALTER TABLE t ADD COLUMN z REFERENCES u (a) DEFAULT NULL;
        ALTER TABLE t DROP COLUMN e;
        ALTER TABLE t DROP COLUMN g;
        ALTER TABLE t DROP COLUMN c;
        """,
    ]

    @Test(arguments: accepted)
    func replayEndsWithSQLitesCatalog(_ script: String) throws {
        let db = try SQLiteConnection.inMemory()
        try db.execute(script)
        let (catalog, failure) = Self.replayed(script)
        #expect(failure == nil, "\(failure?.message ?? "")")
        let differences = compareCatalogs(replayed: catalog, introspected: try SQLiteIntrospection.introspect(db))
        #expect(differences.isEmpty, "\(differences.map(\.description).joined(separator: "\n"))")
    }

    static let dropColumnSetup = """
        CREATE TABLE u (a PRIMARY KEY);
        CREATE TABLE t (a TEXT PRIMARY KEY, b UNIQUE, c, d, e REFERENCES u (a), f, g CHECK (g > 0), h, i, j, k, l,
          UNIQUE (i, j), CHECK (k <> 0), UNIQUE (l));
        CREATE INDEX ti ON t (c);
        CREATE INDEX tj ON t (f) WHERE d > 0;
        CREATE VIEW v AS SELECT h FROM t;

        """

    static let refused: [String] = [
        "CREATE TABLE c (q REFERENCES x (a, b));",
        "CREATE TABLE c (q, r, FOREIGN KEY (q, r) REFERENCES x (a));",
        "CREATE TABLE c (q PRIMARY KEY, r, PRIMARY KEY (r));",
        "CREATE TABLE t (a TEXT PRIMARY KEY); ALTER TABLE t ADD COLUMN z INTEGER PRIMARY KEY;",
        "CREATE TABLE t (a TEXT PRIMARY KEY); ALTER TABLE t ADD COLUMN z UNIQUE;",
        "CREATE TABLE t (a); CREATE VIEW v AS SELECT a FROM t; DROP TABLE t; CREATE TABLE x (a); ALTER TABLE x RENAME TO y;",
        "CREATE TABLE t (a); CREATE VIEW v AS SELECT a FROM t; DROP TABLE t; CREATE TABLE x (a); ALTER TABLE x RENAME a TO b;",
        "CREATE TABLE t (a); CREATE VIEW v AS SELECT a FROM t; DROP TABLE t; CREATE TABLE x (a, b); ALTER TABLE x DROP b;",
        "CREATE TABLE t (a, CHECK (b > 0));",
        "CREATE TABLE t (a CHECK (u.a > 0));",
        "CREATE TABLE t (a); ALTER TABLE t ADD COLUMN b CHECK (c > 0);",
        "CREATE TABLE t (a INTEGER PRIMARY KEY, c varchar(10)) STRICT;",
        "CREATE TABLE t (a INTEGER PRIMARY KEY, c) STRICT;",
        "CREATE TABLE t (a INTEGER PRIMARY KEY, c int) STRICT; ALTER TABLE t ADD COLUMN d;",
        "CREATE TABLE t (a INTEGER PRIMARY KEY, c Int) STRICT; ALTER TABLE t ADD COLUMN d foo;",
    ] + ["a", "b", "c", "d", "f", "h", "i", "k", "l"].map { dropColumnSetup + "ALTER TABLE t DROP COLUMN \($0);" }

    @Test(arguments: refused)
    func replayRefusesWithSQLitesMessage(_ script: String) throws {
        let db = try SQLiteConnection.inMemory()
        var sqliteMessage: String?
        do { try db.execute(script) } catch { sqliteMessage = error.failure?.message }
        let failure = Self.replayed(script).1
        #expect(sqliteMessage != nil)
        #expect(failure?.error?.message == sqliteMessage)
    }

    /// Scripts SQLite and replay must both accept or both refuse (the wording of
    /// a refusal may be replay's own here).
    static let acceptedOrRefusedAlike: [String] = [
        "CREATE TABLE t (a UNIQUE); DROP INDEX sqlite_autoindex_t_1;",
        "DROP INDEX nosuch;",
        "CREATE TABLE t (a); CREATE INDEX i ON t (b);",
        "CREATE TABLE t (a); CREATE INDEX i ON t (a) WHERE b > 0;",
        "CREATE TABLE t (a); CREATE INDEX i ON t (lower(b));",
        "CREATE TABLE t (a, a);",
        "CREATE TABLE t (a); CREATE INDEX t ON t (a);",
        "CREATE TABLE t (a); CREATE INDEX i ON t (a); CREATE UNIQUE INDEX i ON t (a);",
        "ALTER TABLE nosuch ADD COLUMN a;",
        "CREATE TABLE t (a); CREATE TABLE u (a); ALTER TABLE t RENAME TO u;",
        "CREATE TABLE t (a); ALTER TABLE t RENAME COLUMN nosuch TO b;",
        "DROP TABLE nosuch;",
        "CREATE TABLE t (a); DROP VIEW t;",
        "CREATE VIEW v AS SELECT a FROM nosuch;",
        "CREATE TABLE t (a); CREATE VIEW v AS SELECT b FROM t;",
        "CREATE TABLE t (a, FOREIGN KEY (nosuch) REFERENCES x);",
        "CREATE TRIGGER tr AFTER INSERT ON nosuch BEGIN SELECT 1; END;",
        "CREATE TABLE t (a); ALTER TABLE t DROP COLUMN a;",
        "CREATE TABLE t (a, b AS (a + 1)); ALTER TABLE t DROP COLUMN a;",
        "CREATE TABLE t (a); ALTER TABLE t ADD CONSTRAINT c UNIQUE (a);",
        "CREATE TABLE t (a); ALTER TABLE t ALTER COLUMN a SET NOT NULL;",
        "CREATE TABLE t (a); CREATE TABLE t (b);",
        "CREATE TABLE t (a); CREATE VIEW t AS SELECT 1;",
        """
        CREATE TABLE t (a); CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END;
        CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END;
        """,
        "CREATE TABLE t (a) WITHOUT ROWID;",
        "CREATE TABLE t (a INTEGER PRIMARY KEY AUTOINCREMENT) WITHOUT ROWID;",
        "CREATE TABLE t (a TEXT PRIMARY KEY AUTOINCREMENT);",
        "CREATE TABLE t (a DEFAULT (random()), b DEFAULT abs(1));",
        "CREATE TABLE t (a GENERATED ALWAYS AS (b), b);",
        "CREATE TABLE t (a DEFAULT b);",
        "CREATE TABLE t (a DEFAULT (b));",
        "CREATE TABLE t (a DEFAULT (abs(1)));",
        "CREATE TABLE t (a, b AS (a + 1), c AS (b)); ALTER TABLE t DROP COLUMN b;",
        "CREATE TABLE t (a, b); ALTER TABLE t DROP COLUMN b; ALTER TABLE t DROP COLUMN a;",
        "CREATE TABLE t (a INTEGER, PRIMARY KEY (a AUTOINCREMENT));",
        "CREATE TABLE t (a INT PRIMARY KEY AUTOINCREMENT);",
        "CREATE TABLE t (a TEXT PRIMARY KEY AUTOINCREMENT) WITHOUT ROWID;",
        "CREATE TABLE t (a); CREATE INDEX sqlite_i ON t (a);",
        "CREATE VIEW SQLITE_v AS SELECT 1;",
        "CREATE TABLE t (a); CREATE TRIGGER sqlite_tr AFTER INSERT ON t BEGIN SELECT 1; END;",
        "CREATE TABLE t (a); CREATE INDEX i ON t (a) WHERE \"x\" = 'y';",
        "CREATE TABLE sqlite_x (a);",
    ]

    @Test(arguments: acceptedOrRefusedAlike)
    func replayAcceptsWhatSQLiteAccepts(_ script: String) throws {
        let db = try SQLiteConnection.inMemory()
        var sqliteMessage: String?
        do { try db.execute(script) } catch { sqliteMessage = error.failure?.message }
        let failure = Self.replayed(script).1
        #expect(
            (sqliteMessage == nil) == (failure == nil),
            "sqlite: \(sqliteMessage ?? "accepted"); replay: \(failure?.message ?? "accepted")")
    }

    /// The comparison itself sees what it is meant to see.
    @Test func comparisonReportsEachKindOfDifference() throws {
        let db = try SQLiteConnection.inMemory()
        try db.execute(
            """
            CREATE TABLE p (id INTEGER PRIMARY KEY, a TEXT UNIQUE, b DEFAULT NULL);
            CREATE TABLE c (x REFERENCES p, y); CREATE INDEX c1 ON c (x); CREATE TABLE d (z);
            """)
        let (catalog, failure) = Self.replayed(
            """
            CREATE TABLE p (id INT PRIMARY KEY, a text, b NOT NULL);
            CREATE TABLE c (y, x REFERENCES p (id)); CREATE INDEX c2 ON c (x);
            """)
        #expect(failure == nil)
        let categories = Set(
            compareCatalogs(replayed: catalog, introspected: try SQLiteIntrospection.introspect(db)).map(\.category))
        // The autoindex names agree (both sqlite_autoindex_p_1), the indexes do not.
        #expect(
            categories == [
                .tableMissingFromReplay, .columnOrder, .columnType, .columnNotNull, .columnDefault, .constraints,
                .foreignKeys, .indexMissingFromReplay, .indexOnlyInReplay, .indexKeys, .indexOrigin,
            ])
    }
}

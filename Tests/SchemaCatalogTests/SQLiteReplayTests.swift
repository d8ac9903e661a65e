import SchemaCatalog
import SQLSyntax
import Testing

/// Replay with the SQLite dialect: each rule below was checked with the sqlite3
/// 3.40.1 shell (`PRAGMA table_info`, `index_list`, `foreign_key_list` after the
/// same statements, and the error SQLite prints when it refuses one).
/// `SQLiteAdapterTests.ReplayRuleTests` runs the same scripts through libsqlite3.
@Suite struct SQLiteReplayTests {
    static func sqlite(_ sql: String) -> (Catalog, Replay.Failure?) {
        replay(sql, onto: Catalog(dialect: .sqlite))
    }

    static func key(_ name: String) -> ObjectKey { ObjectKey("main", name) }

    static func table(_ catalog: Catalog, _ name: String) throws -> Table {
        try #require(catalog.tables[key(name)])
    }

    /// Index names of a table, sorted.
    static func indexNames(_ catalog: Catalog, _ table: String) -> [String] {
        catalog.indexes(on: key(table)).map(\.name)
    }

    // MARK: Foreign keys (`checksForeignKeyTargets`)

    @Test func foreignKeysMayReferenceTablesThatDoNotExistYet() throws {
        // sqlite3: accepted; foreign_key_list(c) = (nosuch, x, NULL), (p, y, zz).
        let (catalog, failure) = Self.sqlite(
            "CREATE TABLE p (a PRIMARY KEY); CREATE TABLE c (x INTEGER REFERENCES nosuch, y REFERENCES p (zz));")
        #expect(failure == nil)
        let fks = try Self.table(catalog, "c").constraints.compactMap(\.foreignKey)
        #expect(fks.map(\.table) == [Self.key("nosuch"), Self.key("p")])
        // No column list: kept empty (`to` is NULL), the target's key is resolved on use.
        #expect(fks.map(\.columns) == [[], ["zz"]])
    }

    @Test func foreignKeyColumnCountsMustStillAgree() {
        // sqlite3: "foreign key on q should reference only one column of table x".
        #expect(
            Self.sqlite("CREATE TABLE c (q REFERENCES x (a, b));").1?.message
                == "foreign key on q should reference only one column of table x (SQLSTATE 42830)")
        // sqlite3: "number of columns in foreign key does not match the number of columns in the referenced table".
        #expect(
            Self.sqlite("CREATE TABLE c (q, r, FOREIGN KEY (q, r) REFERENCES x (a));").1?.error?.message
                == "number of columns in foreign key does not match the number of columns in the referenced table")
        // Without a column list SQLite accepts any count.
        #expect(Self.sqlite("CREATE TABLE c (q, r, FOREIGN KEY (q, r) REFERENCES x);").1 == nil)
    }

    // MARK: DROP TABLE (`restrictsDropOfReferencedObjects`)

    @Test func droppingAReferencedTableLeavesTheReferenceForItsSuccessor() throws {
        // The twelve-step rebuild: sqlite3 accepts every statement, and
        // foreign_key_list(c) names p throughout.
        let (catalog, failure) = Self.sqlite(
            """
            CREATE TABLE p (id INTEGER PRIMARY KEY, name TEXT);
            CREATE TABLE c (p_id INTEGER REFERENCES p (id));
            CREATE VIEW v AS SELECT name FROM p;
            CREATE TABLE p_new (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
            INSERT INTO p_new SELECT * FROM p;
            DROP TABLE p;
            ALTER TABLE p_new RENAME TO p;
            """)
        #expect(failure == nil)
        #expect(try Self.table(catalog, "c").constraints.first?.foreignKey?.table == Self.key("p"))
        #expect(try Self.table(catalog, "p").column("name")?.notNull == true)
        // SQLite keeps a view over a dropped table (it fails only when used).
        #expect(catalog.views[Self.key("v")] != nil)
    }

    // MARK: Columns (`keepsNullDefaults`, `keepsDeclaredText`, `primaryKeyImpliesNotNull`)

    @Test func defaultsAreKeptAsTheirText() throws {
        // sqlite3 table_info dflt_value: NULL, 1+2, 1, -  1, 'x', CURRENT_TIMESTAMP, "abc".
        let (catalog, failure) = Self.sqlite(
            """
            CREATE TABLE t (a DEFAULT NULL, b DEFAULT (1+2), c DEFAULT ( 1 ), d DEFAULT -  1, e TEXT DEFAULT 'x',
              f DEFAULT CURRENT_TIMESTAMP, g DEFAULT "abc", h);
            """)
        #expect(failure == nil)
        let columns = try Self.table(catalog, "t").columns
        #expect(
            columns.map { $0.defaultValue?.sql }
                == ["NULL", "1+2", "1", "-  1", "'x'", "CURRENT_TIMESTAMP", "\"abc\"", nil])
    }

    @Test func declaredTypesKeepTheirText() throws {
        // sqlite3 table_info type: the text as written, spaces and case kept, except
        // the standard names upper-cased (3.37+) and a quoted name unquoted.
        let (catalog, failure) = Self.sqlite(
            """
            CREATE TABLE t (a unsigned   big int, b varchar( 10 ,  2 ), c text, d Integer, e int, f real, g blob,
              h Int(5), i VARCHAR (255), j bigint, k "my type", l [x], m, n DATETIME);
            """)
        #expect(failure == nil)
        #expect(
            try Self.table(catalog, "t").columns.map { $0.type.declared ?? "?" } == [
                "unsigned   big int", "varchar( 10 ,  2 )", "TEXT", "INTEGER", "INT", "REAL", "BLOB", "Int(5)",
                "VARCHAR (255)", "bigint", "my type", "x", "", "DATETIME",
            ])
    }

    @Test func primaryKeyColumnsStayNullableExceptWithoutRowid() throws {
        // sqlite3 table_info notnull: 0 for a, b, c (rowid tables), 1 for k (WITHOUT ROWID).
        let (catalog, failure) = Self.sqlite(
            """
            CREATE TABLE r (a INTEGER PRIMARY KEY);
            CREATE TABLE s (b TEXT, c TEXT, PRIMARY KEY (b, c));
            CREATE TABLE w (k TEXT PRIMARY KEY, v) WITHOUT ROWID;
            """)
        #expect(failure == nil)
        #expect(try Self.table(catalog, "r").columns.map(\.notNull) == [false])
        #expect(try Self.table(catalog, "s").columns.map(\.notNull) == [false, false])
        #expect(try Self.table(catalog, "w").columns.map(\.notNull) == [true, false])
    }

    @Test func namesAreNotTruncated() throws {
        let long = "index_manifest_registry_id_manifest_image_name_manifest_created_at_idx"
        let (catalog, failure) = Self.sqlite("CREATE TABLE t (a); CREATE INDEX \(long) ON t (a);")
        #expect(failure == nil)
        #expect(Self.indexNames(catalog, "t") == [long])
    }

    // MARK: Autoindexes (`implicitIndexNaming`)

    @Test func keysGetAutoindexesInTheOrderWritten() throws {
        // sqlite3 index_list(p): sqlite_autoindex_p_1 (a), _2 (h), _3 (b, c); none for id.
        let (catalog, failure) = Self.sqlite(
            "CREATE TABLE p (id INTEGER PRIMARY KEY, a UNIQUE, b, c, h TEXT UNIQUE UNIQUE, UNIQUE (b, c), UNIQUE (a));")
        #expect(failure == nil)
        #expect(
            Self.indexNames(catalog, "p") == ["sqlite_autoindex_p_1", "sqlite_autoindex_p_2", "sqlite_autoindex_p_3"])
        #expect(catalog.indexes[Self.key("sqlite_autoindex_p_3")]?.columnNames == ["b", "c"])
        let p = try Self.table(catalog, "p")
        // An INTEGER PRIMARY KEY is the rowid: no index.
        #expect(p.primaryKey?.index == nil)
        // Unnamed keys are called after their index; the rowid key after the table.
        #expect(
            p.constraints.map(\.name) == [
                "p_pkey", "sqlite_autoindex_p_1", "sqlite_autoindex_p_2", "sqlite_autoindex_p_3",
            ])
    }

    @Test func onlyAPlainIntegerPrimaryKeyIsTheRowid() {
        // sqlite3: r has sqlite_autoindex_r_1 (the DESC key) and _2; f has _1 (INT is not INTEGER);
        // g (a table key, DESC or not) and h have none.
        let (catalog, failure) = Self.sqlite(
            """
            CREATE TABLE r (a INTEGER PRIMARY KEY DESC, b UNIQUE);
            CREATE TABLE f (x INT PRIMARY KEY);
            CREATE TABLE g (x INTEGER, y, PRIMARY KEY (x DESC));
            CREATE TABLE h (x integer, PRIMARY KEY (x));
            """)
        #expect(failure == nil)
        #expect(Self.indexNames(catalog, "r") == ["sqlite_autoindex_r_1", "sqlite_autoindex_r_2"])
        #expect(Self.indexNames(catalog, "f") == ["sqlite_autoindex_f_1"])
        #expect(Self.indexNames(catalog, "g") == [])
        #expect(Self.indexNames(catalog, "h") == [])
    }

    @Test func aPrimaryKeyOverAnEarlierUniqueTakesItsIndex() throws {
        // sqlite3 index_list(s): sqlite_autoindex_s_1, origin pk.
        let (catalog, failure) = Self.sqlite("CREATE TABLE s (a UNIQUE, b, PRIMARY KEY (a));")
        #expect(failure == nil)
        #expect(Self.indexNames(catalog, "s") == ["sqlite_autoindex_s_1"])
        let s = try Self.table(catalog, "s")
        #expect(s.constraints.map(\.kind) == [.primaryKey])
        #expect(s.primaryKey?.index == "sqlite_autoindex_s_1")
    }

    @Test func withoutRowidIntegerKeyIsIndexedLast() throws {
        // sqlite3 index_list(t): sqlite_autoindex_t_1 (u, b), sqlite_autoindex_t_2 (pk, a).
        let (catalog, failure) = Self.sqlite(
            "CREATE TABLE t (a INTEGER, b TEXT UNIQUE, PRIMARY KEY (a)) WITHOUT ROWID;")
        #expect(failure == nil)
        #expect(try Self.table(catalog, "t").primaryKey?.index == "sqlite_autoindex_t_2")
        #expect(catalog.indexes[Self.key("sqlite_autoindex_t_1")]?.columnNames == ["b"])
    }

    @Test func twoPrimaryKeysAreRefusedInSQLiteWords() {
        // sqlite3: table "c" has more than one primary key.
        #expect(
            Self.sqlite("CREATE TABLE c (q PRIMARY KEY, r, PRIMARY KEY (r));").1?.error?.message
                == "table \"c\" has more than one primary key")
    }

    @Test func namedConstraintsKeepTheirNamesAndStillGetAutoindexes() throws {
        let (catalog, failure) = Self.sqlite(
            """
            CREATE TABLE t (a CONSTRAINT t_a_unique UNIQUE, b REFERENCES t (a), c CHECK (c > 0),
              CONSTRAINT t_b_fk FOREIGN KEY (b) REFERENCES t (a), CHECK (c < 10));
            """)
        #expect(failure == nil)
        let t = try Self.table(catalog, "t")
        #expect(t.constraints.map(\.name) == ["t_a_unique", "t_b_fkey", "t_c_check", "t_b_fk", "t_c_check1"])
        #expect(t.constraints.first?.index == "sqlite_autoindex_t_1")
    }

    @Test func renamingATableRenamesItsAutoindexesAndReferences() throws {
        // sqlite3 after RENAME: index sqlite_autoindex_q_1 on q; foreign_key_list(c) names q (z after RENAME COLUMN).
        let (catalog, failure) = Self.sqlite(
            """
            CREATE TABLE p (a PRIMARY KEY, b);
            CREATE TABLE c (x REFERENCES p (a), y REFERENCES p);
            ALTER TABLE p RENAME COLUMN a TO z;
            ALTER TABLE p RENAME TO q;
            """)
        #expect(failure == nil)
        #expect(Self.indexNames(catalog, "q") == ["sqlite_autoindex_q_1"])
        let q = try Self.table(catalog, "q")
        #expect(q.primaryKey?.name == "sqlite_autoindex_q_1")
        #expect(q.primaryKey?.columns == ["z"])
        let fks = try Self.table(catalog, "c").constraints.compactMap(\.foreignKey)
        #expect(fks.map(\.table) == [Self.key("q"), Self.key("q")])
        #expect(fks.map(\.columns) == [["z"], []])
    }

    // MARK: ALTER TABLE (`hasSQLiteAlterTable`)

    @Test(arguments: [
        ("ALTER TABLE t ADD COLUMN z INTEGER PRIMARY KEY", "Cannot add a PRIMARY KEY column"),
        ("ALTER TABLE t ADD COLUMN z UNIQUE", "Cannot add a UNIQUE column"),
        ("ALTER TABLE t ADD COLUMN z CONSTRAINT u UNIQUE", "Cannot add a UNIQUE column"),
    ])
    func addColumnRefusesKeys(_ statement: String, _ message: String) {
        #expect(Self.sqlite("CREATE TABLE t (a TEXT PRIMARY KEY); \(statement);").1?.error?.message == message)
    }

    @Test func addColumnTakesWhatAnEmptyTableTakes() throws {
        // sqlite3 on an empty table accepts all of these (it refuses them only when
        // the table has rows, which replay does not model).
        let (catalog, failure) = Self.sqlite(
            """
            CREATE TABLE u (a PRIMARY KEY);
            CREATE TABLE t (a TEXT PRIMARY KEY);
            ALTER TABLE t ADD COLUMN b NOT NULL;
            ALTER TABLE t ADD COLUMN c DEFAULT CURRENT_TIMESTAMP;
            ALTER TABLE t ADD COLUMN d REFERENCES u (a) DEFAULT 1;
            ALTER TABLE t ADD COLUMN e NOT NULL DEFAULT NULL;
            """)
        #expect(failure == nil)
        let t = try Self.table(catalog, "t")
        #expect(t.columns.map(\.notNull) == [false, true, false, false, true])
        #expect(t.columns.map { $0.defaultValue?.sql } == [nil, nil, "CURRENT_TIMESTAMP", "1", "NULL"])
        #expect(t.constraints.map(\.name) == ["sqlite_autoindex_t_1", "t_d_fkey"])
    }

    static let dropColumnSetup = """
        CREATE TABLE u (a PRIMARY KEY);
        CREATE TABLE t (a TEXT PRIMARY KEY, b UNIQUE, c, d, e REFERENCES u (a), f, g CHECK (g > 0), h, i, j, k,
          UNIQUE (i, j), CHECK (k <> 0));
        CREATE INDEX ti ON t (c);
        CREATE INDEX tj ON t (f) WHERE d > 0;
        CREATE VIEW v AS SELECT h FROM t;

        """

    @Test(arguments: [
        ("a", "cannot drop PRIMARY KEY column: \"a\""),
        ("b", "cannot drop UNIQUE column: \"b\""),
        ("c", "error in index ti after drop column: no such column: c"),
        ("d", "error in index tj after drop column: no such column: d"),
        ("f", "error in index tj after drop column: no such column: f"),
        ("h", "error in view v after drop column: no such column: h"),
        ("i", "error in table t after drop column: no such column: i"),
        ("k", "error in table t after drop column: no such column: k"),
        ("nosuch", "column \"nosuch\" of relation \"t\" does not exist"),
    ])
    func dropColumnRefusesWhatSQLiteRefuses(_ column: String, _ message: String) {
        // The messages are sqlite3's (but for the last: sqlite3 says no such column: "nosuch").
        #expect(Self.sqlite(Self.dropColumnSetup + "ALTER TABLE t DROP COLUMN \(column);").1?.error?.message == message)
    }

    @Test func dropColumnTakesTheColumnsOwnConstraints() throws {
        // sqlite3: both accepted; foreign_key_list(t) is empty, the CHECK on g is gone.
        let (catalog, failure) = Self.sqlite(
            Self.dropColumnSetup + "ALTER TABLE t DROP COLUMN e; ALTER TABLE t DROP COLUMN g;")
        #expect(failure == nil)
        let t = try Self.table(catalog, "t")
        #expect(!t.columns.contains { $0.name == "e" || $0.name == "g" })
        #expect(t.constraints.map(\.kind) == [.primaryKey, .unique, .unique, .check])
    }

    @Test func renamesAndDropColumnNeedEveryViewToResolve() {
        // sqlite3 3.26+ reads every view again: a view over a dropped table blocks
        // RENAME TABLE, RENAME COLUMN and DROP COLUMN anywhere in the schema.
        let setup = "CREATE TABLE t (a); CREATE VIEW v AS SELECT a FROM t; DROP TABLE t; CREATE TABLE x (a, b);"
        for statement in ["ALTER TABLE x RENAME TO y;", "ALTER TABLE x RENAME a TO c;", "ALTER TABLE x DROP b;"] {
            #expect(Self.sqlite(setup + statement).1?.error?.message == "error in view v: no such table: main.t")
        }
        // Once a table of that name exists again, the view resolves.
        #expect(Self.sqlite(setup + "CREATE TABLE t (a); ALTER TABLE x RENAME TO y;").1 == nil)
    }

    @Test(arguments: [
        ("CREATE TABLE t (a INTEGER PRIMARY KEY, c varchar(10)) STRICT;", "unknown datatype for t.c: \"varchar(10)\""),
        ("CREATE TABLE t (a INTEGER PRIMARY KEY, c) STRICT;", "missing datatype for t.c"),
        (
            "CREATE TABLE t (a INTEGER PRIMARY KEY, c Int) STRICT; ALTER TABLE t ADD COLUMN d foo;",
            "error in table t after add column: unknown datatype for t.d: \"foo\""
        ),
    ])
    func strictTablesTakeOnlyStandardTypes(_ script: String, _ message: String) {
        // sqlite3's messages; INT, INTEGER, REAL, TEXT, BLOB and ANY (any case) pass.
        #expect(Self.sqlite(script).1?.error?.message == message)
        #expect(Self.sqlite("CREATE TABLE t (a int, b Text, c REAL, d blob, e ANY, f INTEGER) STRICT;").1 == nil)
    }

    @Test func checksNameColumnsOrDoubleQuotedStrings() throws {
        // sqlite3 accepts the first script (a double-quoted name that is no column
        // is a string; rowid and the table's own name are fine) and refuses the others.
        let (catalog, failure) = Self.sqlite(
            """
            CREATE TABLE t (a CHECK (a IN ("x", "y")), b CHECK ("A" > 0), c CHECK (rowid > 0), d CHECK (t.d > 0));
            """)
        #expect(failure == nil)
        #expect(try Self.table(catalog, "t").constraints.map(\.columns) == [["a"], ["a"], [], ["d"]])
        #expect(Self.sqlite("CREATE TABLE t (a, CHECK (b > 0));").1?.error?.message == "no such column: b")
        #expect(Self.sqlite("CREATE TABLE t (a CHECK (u.a > 0));").1?.error?.message == "no such column: u.a")
        #expect(
            Self.sqlite("CREATE TABLE t (a); ALTER TABLE t ADD COLUMN b CHECK (c > 0);").1?.error?.message
                == "error in table t after add column: no such column: c")
    }

    @Test func createTableAsNamesTheAffinity() throws {
        // sqlite3 table_info(t2) type: INT, TEXT, REAL, NUM, '', '', '', ''.
        let (catalog, failure) = Self.sqlite(
            """
            CREATE TABLE t (a INTEGER, b VARCHAR(10), c REAL, d NUMERIC, e BLOB, f);
            CREATE TABLE t2 AS SELECT a, b, c, d, e, f, a + 1 AS g, 'x' AS h FROM t;
            """)
        #expect(failure == nil)
        #expect(
            try Self.table(catalog, "t2").columns.map { $0.type.declared ?? "?" }
                == ["INT", "TEXT", "REAL", "NUM", "", "", "", ""])
    }

    @Test func temporaryTablesLiveInTemp() throws {
        // sqlite3: tt and its index in temp.sqlite_master; t3 in both schemas; the
        // unqualified name finds temp first.
        let (catalog, failure) = Self.sqlite(
            """
            CREATE TEMP TABLE tt (a UNIQUE); CREATE INDEX ti ON tt (a); CREATE TABLE temp.t3 (x); CREATE TABLE t3 (y);
            CREATE INDEX t3x ON t3 (x);
            """)
        #expect(failure == nil)
        #expect(catalog.tables[ObjectKey("temp", "tt")] != nil)
        #expect(catalog.indexes[ObjectKey("temp", "ti")]?.table == ObjectKey("temp", "tt"))
        #expect(catalog.indexes[ObjectKey("temp", "t3x")]?.table == ObjectKey("temp", "t3"))
        #expect(catalog.tables[Self.key("t3")]?.column("y") != nil)
        #expect(catalog.tables[Self.key("tt")] == nil)
    }

    @Test func namesIgnoreASCIICase() throws {
        // sqlite3: all accepted but the last ("table users already exists").
        let script = """
            CREATE TABLE "Users" (a UNIQUE); CREATE INDEX i ON users (a); CREATE TABLE c (x REFERENCES USERS (a));
            ALTER TABLE users RENAME TO people;
            """
        let (catalog, failure) = Self.sqlite(script)
        #expect(failure == nil)
        #expect(catalog.indexes[Self.key("i")]?.table == Self.key("people"))
        #expect(Self.indexNames(catalog, "people") == ["i", "sqlite_autoindex_people_1"])
        #expect(try Self.table(catalog, "c").constraints.first?.foreignKey?.table == Self.key("people"))
        #expect(Self.sqlite("CREATE TABLE \"Users\" (a); CREATE TABLE users (b);").1?.error?.sqlState == "42P07")
    }

    @Test(arguments: [
        ("CREATE TABLE t (a INT PRIMARY KEY AUTOINCREMENT);", "AUTOINCREMENT is only allowed on an INTEGER PRIMARY KEY"),
        (
            "CREATE TABLE t (a INTEGER PRIMARY KEY AUTOINCREMENT) WITHOUT ROWID;",
            "AUTOINCREMENT not allowed on WITHOUT ROWID tables"
        ),
        ("CREATE TABLE t (a) WITHOUT ROWID;", "PRIMARY KEY missing on table t"),
        ("CREATE TABLE sqlite_x (a);", "object name reserved for internal use: sqlite_x"),
        ("CREATE TABLE t (a); CREATE INDEX SQLite_i ON t (a);", "object name reserved for internal use: sqlite_i"),
        ("CREATE TABLE t (a DEFAULT (b));", "default value of column [a] is not constant"),
        ("CREATE TABLE t (a DEFAULT abs(1));", "near \"(\": syntax error"),
        ("CREATE TABLE t (a); CREATE INDEX i ON t (a) WHERE b > 0;", "no such column: b"),
        ("CREATE TABLE t (a); ALTER TABLE t DROP COLUMN a;", "cannot drop column \"a\": no other columns exist"),
        (
            "CREATE TABLE t (a, b AS (a + 1)); ALTER TABLE t DROP COLUMN a;",
            "error in table t after drop column: must have at least one non-generated column"
        ),
        (
            "CREATE TABLE t (a, b AS (a + 1), c AS (b)); ALTER TABLE t DROP COLUMN b;",
            "error in table t after drop column: no such column: b"
        ),
    ])
    func createTableAndDropColumnRefuseInSQLitesWords(_ script: String, _ message: String) {
        // Each message is sqlite3's (an index name is reported folded here).
        #expect(Self.sqlite(script).1?.error?.message == message)
    }

    @Test func sqliteAcceptsWhatLooksOdd() {
        // sqlite3 accepts each: a bare name as a default is a string, AUTOINCREMENT
        // on a table key, a double-quoted string in a partial index.
        #expect(Self.sqlite("CREATE TABLE t (a DEFAULT b, c DEFAULT (abs(1)));").1 == nil)
        #expect(Self.sqlite("CREATE TABLE t (a INTEGER, PRIMARY KEY (a AUTOINCREMENT));").1 == nil)
        #expect(Self.sqlite("CREATE TABLE t (a); CREATE INDEX i ON t (a) WHERE \"x\" = 'y';").1 == nil)
    }

    @Test func otherAlterTableActionsAreSyntaxErrors() {
        // sqlite3: near "CONSTRAINT": syntax error; near "ALTER": syntax error.
        #expect(Self.sqlite("CREATE TABLE t (a); ALTER TABLE t ADD CONSTRAINT c UNIQUE (a);").1?.sqlState == "42601")
        #expect(Self.sqlite("CREATE TABLE t (a); ALTER TABLE t ALTER COLUMN a SET NOT NULL;").1?.sqlState == "42601")
    }

    // MARK: PostgreSQL is unchanged

    @Test func postgresKeepsItsOwnRules() throws {
        let script = """
            CREATE TABLE p (id integer PRIMARY KEY, a int UNIQUE, b int DEFAULT NULL);
            CREATE TABLE c (p_id int REFERENCES p);
            """
        let (catalog, failure) = replay(script)
        #expect(failure == nil)
        let p = try #require(catalog.tables[ObjectKey("public", "p")])
        #expect(p.column("id")?.notNull == true)
        #expect(p.column("b")?.defaultValue == nil)
        #expect(catalog.indexes(on: p.key).map(\.name) == ["p_a_key", "p_pkey"])
        #expect(catalog.tables[ObjectKey("public", "c")]?.constraints.first?.foreignKey?.columns == ["id"])
        #expect(refusal("CREATE TABLE c (x int REFERENCES nosuch);") == "42P01")
        #expect(refusal(script + "DROP TABLE p;") == "2BP01")
    }
}

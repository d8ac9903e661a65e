import SchemaCatalog
import Testing

@testable import SQLiteAdapter

@Suite("SQLiteIntrospection")
struct IntrospectionTests {
    static let script = """
        CREATE TABLE accounts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            Email varchar(255) NOT NULL UNIQUE COLLATE NOCASE,
            status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
            created_at TEXT DEFAULT CURRENT_TIMESTAMP,
            token BLOB DEFAULT (randomblob(16)),
            email_lower TEXT GENERATED ALWAYS AS (lower(Email)) VIRTUAL,
            CONSTRAINT accounts_email_length CHECK (length(Email) < 300)
        );
        CREATE TABLE memberships (
            account_id INTEGER NOT NULL REFERENCES accounts ON DELETE CASCADE,
            team TEXT NOT NULL,
            role TEXT,
            PRIMARY KEY (account_id, team),
            CONSTRAINT memberships_role_team UNIQUE (team, role)
        );
        CREATE TABLE kv (
            k TEXT PRIMARY KEY,
            v ANY
        ) WITHOUT ROWID, STRICT;
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            account_id INTEGER,
            team TEXT,
            note,
            note_length INTEGER AS (length(note)) STORED,
            FOREIGN KEY (account_id, team) REFERENCES memberships (account_id, team) ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED,
            CONSTRAINT audit_account FOREIGN KEY (account_id) REFERENCES accounts (id)
        );
        CREATE INDEX accounts_open ON accounts (created_at) WHERE status = 'active';
        CREATE UNIQUE INDEX accounts_email_domain ON accounts (substr(Email, instr(Email, '@')), status DESC);
        CREATE VIEW open_accounts (account, mail) AS SELECT id, Email FROM accounts WHERE status = 'active';
        CREATE TRIGGER accounts_closed AFTER UPDATE OF status ON accounts
        WHEN new.status = 'closed'
        BEGIN
            DELETE FROM memberships WHERE account_id = new.id;
        END;
        """

    static func catalog() throws -> SQLiteIntrospection.Result {
        let db = try SQLiteConnection.inMemory()
        try db.execute(script)
        return try SQLiteIntrospection.read(db)
    }

    static func key(_ name: String) -> ObjectKey { ObjectKey("main", name) }

    @Test func tablesSkipInternalOnesAndKeepTheirColumnsInOrder() throws {
        let result = try Self.catalog()
        let catalog = result.catalog
        #expect(catalog.dialect.kind == .sqlite)
        #expect(Set(catalog.tables.keys.map(\.name)) == ["accounts", "memberships", "kv", "audit"])
        #expect(result.notes.isEmpty, "\(result.notes)")
        let accounts = try #require(catalog.tables[Self.key("accounts")])
        #expect(accounts.columns.map(\.name) == ["id", "Email", "status", "created_at", "token", "email_lower"])
        #expect(
            accounts.columns.map { $0.type.declared ?? "?" } == [
                "INTEGER", "varchar(255)", "TEXT", "TEXT", "BLOB", "TEXT",
            ])
        #expect(accounts.columns.map(\.notNull) == [false, true, true, false, false, false])
        #expect(accounts.column("status")?.defaultValue?.sql == "'active'")
        #expect(accounts.column("status")?.defaultValue?.volatility == .immutable)
        #expect(accounts.column("created_at")?.defaultValue?.sql == "CURRENT_TIMESTAMP")
        #expect(accounts.column("created_at")?.defaultValue?.volatility == .stable)
        #expect(accounts.column("token")?.defaultValue?.sql == "randomblob(16)")
        #expect(accounts.column("token")?.defaultValue?.volatility == .volatile)
        #expect(accounts.column("email_lower")?.generated == GeneratedColumn(sql: "lower(Email)", stored: false))
        #expect(accounts.column("Email")?.collation == "nocase")
        // The rowid alias is filled in when omitted: SQLite reports it nullable.
        #expect(accounts.column("id")?.isFilledWhenOmitted == true)
        #expect(!accounts.withoutRowid && !accounts.strict)
    }

    @Test func primaryKeysAreNamedAndLinkedToTheirIndexes() throws {
        let catalog = try Self.catalog().catalog
        let accounts = try #require(catalog.tables[Self.key("accounts")])
        let pk = try #require(accounts.primaryKey)
        #expect(pk.name == "accounts_pkey")
        #expect(pk.columns == ["id"])
        #expect(pk.index == nil, "an INTEGER PRIMARY KEY is the rowid and has no index")

        let memberships = try #require(catalog.tables[Self.key("memberships")])
        let composite = try #require(memberships.primaryKey)
        // An unnamed key is called after the autoindex SQLite reports for it.
        #expect(composite.name == "sqlite_autoindex_memberships_1")
        #expect(composite.columns == ["account_id", "team"])
        #expect(composite.index == "sqlite_autoindex_memberships_1")
        let index = try #require(catalog.indexes[Self.key("sqlite_autoindex_memberships_1")])
        #expect(index.unique)
        #expect(index.columnNames == ["account_id", "team"])
        #expect(index.constraint == "sqlite_autoindex_memberships_1")
    }

    @Test func withoutRowidAndStrictAreRead() throws {
        let catalog = try Self.catalog().catalog
        let kv = try #require(catalog.tables[Self.key("kv")])
        #expect(kv.withoutRowid)
        #expect(kv.strict)
        #expect(kv.primaryKey?.columns == ["k"])
        #expect(kv.primaryKey?.index == "sqlite_autoindex_kv_1")
        // WITHOUT ROWID enforces NOT NULL on its key; SQLite says so in table_info.
        #expect(kv.column("k")?.notNull == true)
        #expect(kv.column("v")?.type.declared == "ANY")
    }

    @Test func uniqueConstraintsKeepWrittenNamesOrTheirIndexNames() throws {
        let catalog = try Self.catalog().catalog
        let accounts = try #require(catalog.tables[Self.key("accounts")])
        let unique = accounts.constraints.filter { $0.kind == .unique }
        #expect(unique.map(\.name) == ["sqlite_autoindex_accounts_1"])
        #expect(unique.first?.columns == ["Email"])
        #expect(unique.first?.index == "sqlite_autoindex_accounts_1")
        #expect(catalog.indexes[Self.key("sqlite_autoindex_accounts_1")]?.constraint == "sqlite_autoindex_accounts_1")

        let memberships = try #require(catalog.tables[Self.key("memberships")])
        let named = memberships.constraints.filter { $0.kind == .unique }
        #expect(named.map(\.name) == ["memberships_role_team"])
        #expect(named.first?.columns == ["team", "role"])
        #expect(named.first?.index == "sqlite_autoindex_memberships_2")
    }

    @Test func checkConstraintsComeFromTheTableText() throws {
        let catalog = try Self.catalog().catalog
        let accounts = try #require(catalog.tables[Self.key("accounts")])
        let checks = accounts.constraints.filter { $0.kind == .check }
        #expect(checks.map(\.name) == ["accounts_status_check", "accounts_email_length"])
        #expect(checks.map(\.expression) == ["status IN ('active', 'closed')", "length(Email) < 300"])
        #expect(checks.map(\.columns) == [["status"], ["Email"]])
    }

    @Test func foreignKeysKeepDeclarationOrderActionsAndReferencedColumns() throws {
        let catalog = try Self.catalog().catalog
        let memberships = try #require(catalog.tables[Self.key("memberships")])
        let fk = try #require(memberships.constraints.first { $0.kind == .foreignKey })
        #expect(fk.name == "memberships_account_id_fkey")
        #expect(fk.columns == ["account_id"])
        // REFERENCES accounts with no column list: the referenced primary key, which
        // SQLite resolves only when rows are checked (`foreign_key_list.to` is NULL).
        #expect(fk.foreignKey == ForeignKey(table: Self.key("accounts"), columns: [], onDelete: .cascade))

        let audit = try #require(catalog.tables[Self.key("audit")])
        let fks = audit.constraints.filter { $0.kind == .foreignKey }
        #expect(fks.map(\.name) == ["audit_account_id_team_fkey", "audit_account"])
        #expect(fks.first?.foreignKey?.table == Self.key("memberships"))
        #expect(fks.first?.foreignKey?.columns == ["account_id", "team"])
        #expect(fks.first?.foreignKey?.onUpdate == .setNull)
        #expect(fks.first?.foreignKey?.onDelete == .noAction)
        #expect(fks.first?.deferrable == true)
        #expect(fks.first?.initiallyDeferred == true)
        #expect(fks.last?.foreignKey?.columns == ["id"])
        #expect(fks.last?.deferrable == false)
        #expect(audit.column("note")?.type.declared == "")
        #expect(audit.column("note_length")?.generated == GeneratedColumn(sql: "length(note)", stored: true))
    }

    @Test func partialAndExpressionIndexesKeepTheirText() throws {
        let catalog = try Self.catalog().catalog
        let partial = try #require(catalog.indexes[Self.key("accounts_open")])
        #expect(!partial.unique)
        #expect(partial.table == Self.key("accounts"))
        #expect(partial.keys == [.column("created_at")])
        #expect(partial.predicate == "status = 'active'")
        #expect(partial.constraint == nil)

        let expression = try #require(catalog.indexes[Self.key("accounts_email_domain")])
        #expect(expression.unique)
        #expect(
            expression.keys == [.expression("substr(Email, instr(Email, '@'))", columns: ["Email"]), .column("status")])
        #expect(expression.predicate == nil)
        #expect(
            catalog.indexes(on: Self.key("accounts")).map(\.name) == [
                "accounts_email_domain", "accounts_open", "sqlite_autoindex_accounts_1",
            ])
        #expect(catalog.indexes.count == 6)
    }

    @Test func viewsAndTriggersAreRead() throws {
        let catalog = try Self.catalog().catalog
        let view = try #require(catalog.views[Self.key("open_accounts")])
        #expect(view.columns.map(\.name) == ["account", "mail"])
        #expect(view.columns.map { $0.type?.declared } == ["INTEGER", "varchar(255)"])
        #expect(view.query == "SELECT id, Email FROM accounts WHERE status = 'active'")
        #expect(!view.materialized)

        let accounts = try #require(catalog.tables[Self.key("accounts")])
        #expect(
            accounts.triggers == [
                Trigger(name: "accounts_closed", function: nil, timing: "AFTER", events: ["UPDATE"], forEachRow: true)
            ])
    }

    @Test func introspectionOfAnEmptyDatabaseIsAnEmptyCatalog() throws {
        let db = try SQLiteConnection.inMemory()
        #expect(try SQLiteIntrospection.introspect(db) == Catalog(dialect: .sqlite))
    }

    @Test func constraintNamesStayUniqueInTheTable() throws {
        let db = try SQLiteConnection.inMemory()
        try db.execute(
            """
            CREATE TABLE t (a INT CHECK (a > 0), b INT, CHECK (a > 1), CONSTRAINT t_a_check1 CHECK (b > 0), CHECK (a <> 5));
            """)
        let table = try #require(try SQLiteIntrospection.introspect(db).tables[Self.key("t")])
        #expect(table.constraints.map(\.name) == ["t_a_check", "t_a_check2", "t_a_check1", "t_a_check3"])
    }

    @Test func aViewOverADroppedTableIsANoteNotAFailure() throws {
        let db = try SQLiteConnection.inMemory()
        try db.execute("CREATE TABLE t (a); CREATE VIEW v AS SELECT a FROM t; DROP TABLE t;")
        let result = try SQLiteIntrospection.read(db)
        #expect(result.catalog.views[Self.key("v")]?.columns == [])
        #expect(result.notes.map(\.object) == ["view v"])
    }

    @Test func introspectionWorksReadOnly() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("app.db")
        try makeDatabaseFile(at: path, script: Self.script)
        let fromFile = try SQLiteIntrospection.introspect(SQLiteConnection.openReadOnly(path: path))
        #expect(fromFile == (try Self.catalog().catalog))
    }
}

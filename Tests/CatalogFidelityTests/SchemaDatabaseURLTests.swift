import Foundation
import PostgresAdapter
import Testing

/// `switchgate schema --database-url` end to end, through the built executable:
/// the catalog read from a live database is the catalog replay builds, a failure
/// is exit 2 with the password hidden, and a SQLite file is only ever read.
@Suite(.serialized) struct SchemaDatabaseURLTests {
    /// A small schema with one of each kind of object the JSON shows.
    static let schemaSQL = """
        CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
        CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%');
        CREATE TYPE pair AS (a integer, b text);
        CREATE SEQUENCE ticket_seq START 100;
        CREATE TABLE customers (
            id serial PRIMARY KEY,
            address email NOT NULL UNIQUE,
            mood mood DEFAULT 'ok',
            joined timestamptz NOT NULL DEFAULT now(),
            score numeric(10, 2) DEFAULT 0 CHECK (score >= 0),
            tags text[] DEFAULT '{}'
        );
        CREATE TABLE orders (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
            ticket integer DEFAULT nextval('ticket_seq'),
            status varchar(20) NOT NULL DEFAULT 'new',
            total numeric GENERATED ALWAYS AS (0) STORED
        );
        CREATE INDEX orders_open ON orders (customer_id) WHERE status IN ('new', 'paid');
        CREATE UNIQUE INDEX customers_lower_address ON customers (LOWER(address));
        CREATE VIEW happy_customers AS SELECT id, address FROM customers WHERE mood = 'happy';
        CREATE FUNCTION order_count(c integer) RETURNS bigint LANGUAGE sql STABLE
            AS $$ SELECT count(*) FROM orders WHERE customer_id = c $$;
        """

    /// Writes `text` to a new file in a new temporary folder.
    static func temporaryFile(_ name: String, _ contents: Data) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("switchgate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try contents.write(to: url)
        return url
    }

    @Test(.enabled(if: FidelityServer.enabled, FidelityServer.disabledReason))
    func databaseURLPrintsWhatReplayPrints() throws {
        let scratch = try ScratchDatabase(serverURL: try FidelityServer.url())
        defer { try? scratch.drop() }
        try scratch.connect().execute(Self.schemaSQL)
        let schemaFile = try Self.temporaryFile("schema.sql", Data(Self.schemaSQL.utf8))
        let migration = try Self.temporaryFile(
            "0001_more.sql", Data("ALTER TABLE orders ADD COLUMN note text;\nCREATE TABLE extra (id bigint PRIMARY KEY);\n".utf8))

        let replayed = try SwitchgateBinary.run(["schema", "--format", "json", schemaFile.path])
        let live = try SwitchgateBinary.run(["schema", "--format", "json", "--database-url", scratch.url])
        #expect(replayed.status == 0, "\(replayed.stderr)")
        #expect(live.status == 0, "\(live.stderr)")
        #expect(live.stdout.contains("\"name\":\"customers\""))
        let spelling = try ServerSpelling(scratch: scratch)
        var comparison = SchemaJSONComparison(spelling: spelling)
        try comparison.compare(replay: replayed.stdout, server: live.stdout)
        #expect(comparison.differences.isEmpty, "\(comparison.differences)")
        #expect(comparison.respelled > 0)
        // A default that means something else is a difference, however it is spelled.
        var wrong = SchemaJSONComparison(spelling: spelling)
        try wrong.compare(
            replay: replayed.stdout.replacingOccurrences(of: "\"default\":\"'ok'\"", with: "\"default\":\"'sad'\""),
            server: live.stdout)
        #expect(wrong.differences.count == 1)
        #expect(wrong.differences.first?.hasPrefix("tables[public.customers].columns[mood].default") ?? false)

        // Migrations replay on top of the live baseline, and never reach the database.
        let onTop = try SwitchgateBinary.run(["schema", "--format", "json", "--database-url", scratch.url, migration.path])
        let bothFiles = try SwitchgateBinary.run(["schema", "--format", "json", schemaFile.path, migration.path])
        #expect(onTop.status == 0, "\(onTop.stderr)")
        #expect(onTop.stdout.contains("\"name\":\"extra\""))
        var withMigration = SchemaJSONComparison(spelling: spelling)
        try withMigration.compare(replay: bothFiles.stdout, server: onTop.stdout)
        #expect(withMigration.differences.isEmpty, "\(withMigration.differences)")
        let extra = try scratch.connect().query("SELECT to_regclass('public.extra') IS NULL AS missing")
        #expect(extra.rows == [["t"]])

        // SWITCHGATE_DATABASE_URL stands in for --database-url, unless --schema is given.
        let fromEnvironment = try SwitchgateBinary.run(
            ["schema", "--format", "json"], environment: ["SWITCHGATE_DATABASE_URL": scratch.url])
        #expect(fromEnvironment.status == 0)
        #expect(fromEnvironment.stdout == live.stdout)
        let schemaWins = try SwitchgateBinary.run(
            ["schema", "--format", "json", "--schema", schemaFile.path],
            environment: ["SWITCHGATE_DATABASE_URL": "postgresql://nobody:pw@127.0.0.1:1/none"])
        #expect(schemaWins.status == 0, "\(schemaWins.stderr)")
        #expect(schemaWins.stdout == replayed.stdout)
    }

    @Test(.enabled(if: FidelityServer.enabled, FidelityServer.disabledReason))
    func aMissingDatabaseIsExitTwoWithThePasswordHidden() throws {
        var url = ConnectionURL.replacingDatabase(in: try FidelityServer.url(), with: "switchgate_no_such_database")
        url = url.replacingOccurrences(of: "://postgres@", with: "://postgres:s3cret-pw@")
        #expect(url.contains("s3cret-pw"))
        let run = try SwitchgateBinary.run(["schema", "--database-url", url])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("switchgate_no_such_database"))
        #expect(run.stderr.contains("postgres:***@"))
        #expect(!run.stderr.contains("s3cret-pw"))
    }

    /// No server needed: nothing listens on port 1.
    @Test(arguments: [
        (["--database-url", "postgresql://alice:s3cret-pw@127.0.0.1:1/app"], "postgresql://alice:***@127.0.0.1:1/app"),
        (["--database-url", "postgres://alice:s3cret-pw@127.0.0.1:1/app?sslmode=disable"], "alice:***@127.0.0.1:1"),
        (["--database-url", "host=127.0.0.1 port=1 user=alice password=s3cret-pw dbname=app"], "password=***"),
        (["--database-url", "postgresql://127.0.0.1:1/app?password=s3cret-pw"], "password=***"),
        (["--database-url", "mysql://alice:s3cret-pw@127.0.0.1/app"], "mysql://alice:***@127.0.0.1/app"),
        (["--dialect", "sqlite", "--database-url", "postgresql://alice:s3cret-pw@h/app"], "alice:***@h/app"),
        // libpq reads only lower-case schemes; switchgate lowers it rather than pass the
        // whole URL on as a database name.
        (["--database-url", "POSTGRESQL://alice:s3cret-pw@127.0.0.1:1/app"], "alice:***@127.0.0.1:1/app"),
        // A URL without its scheme is taken for a SQLite path, and still hidden.
        (["--database-url", "alice:s3cret-pw@db.example/app"], "alice:***@db.example/app"),
        (["--dialect", "postgres", "--database-url", "alice:s3cret-pw@db.example/app"], "alice:***@db.example/app"),
    ])
    func anUnreachableDatabaseIsExitTwoWithThePasswordHidden(_ arguments: [String], _ shown: String) throws {
        let run = try SwitchgateBinary.run(["schema"] + arguments)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(shown), "\(run.stderr)")
        #expect(!run.stderr.contains("s3cret-pw"), "\(run.stderr)")
    }

    @Test func theEnvironmentURLIsNamedAndHiddenToo() throws {
        let run = try SwitchgateBinary.run(
            ["schema"], environment: ["SWITCHGATE_DATABASE_URL": "postgresql://alice:s3cret-pw@127.0.0.1:1/app"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("SWITCHGATE_DATABASE_URL"))
        #expect(!run.stderr.contains("s3cret-pw"))
    }

    @Test func schemaAndDatabaseURLTogetherAreRefused() throws {
        let file = try Self.temporaryFile("schema.sql", Data("CREATE TABLE t (id int);\n".utf8))
        let run = try SwitchgateBinary.run(
            ["schema", "--schema", file.path, "--database-url", "postgresql://alice:s3cret-pw@127.0.0.1:1/app"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("--schema and --database-url"))
        #expect(!run.stderr.contains("s3cret-pw"))
        let empty = try SwitchgateBinary.run(["schema", "--database-url", ""])
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("--database-url needs a URL"))
    }

    /// `users` and `posts` (with a foreign key and an index), made by sqlite3 3.40
    /// with a 512-byte page and no journal left behind.
    static let sqliteDatabase = """
        U1FMaXRlIGZvcm1hdCAzAAIAAQEAQCAgAAAABAAAAAUAAAAAAAAAAAAAAAQAAAAEAAAAAAAAAAAA
        AAABAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAEAC5jAQ0B+AAEAJYAAW0BzQDj
        AJYAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAASwQGFycXAWdpbmRleHBvc3RzX3Vz
        ZXJfaWRwb3N0cwVDUkVBVEUgSU5ERVggcG9zdHNfdXNlcl9pZCBPTiBwb3N0cyAodXNlcl9pZCmB
        BwMHFxcXAYFtdGFibGVwb3N0c3Bvc3RzBENSRUFURSBUQUJMRSBwb3N0cyAoaWQgSU5URUdFUiBQ
        UklNQVJZIEtFWSwgdXNlcl9pZCBJTlRFR0VSIE5PVCBOVUxMIFJFRkVSRU5DRVMgdXNlcnMgKGlk
        KSwgdGl0bGUgVEVYVCBOT1QgTlVMTCleAQcXFxcBgRt0YWJsZXVzZXJzdXNlcnMCQ1JFQVRFIFRB
        QkxFIHVzZXJzIChpZCBJTlRFR0VSIFBSSU1BUlkgS0VZLCBlbWFpbCBURVhUIE5PVCBOVUxMIFVO
        SVFVRSkpAgYXPRcBAGluZGV4c3FsaXRlX2F1dG9pbmRleF91c2Vyc18xdXNlcnMDAAAACAAAAAAN
        AAAAAAIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAoA
        AAAAAgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAADQAA
        AAACAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAKAAAA
        AAIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
        AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==
        """

    @Test func aSQLiteFileIsReadAndNeverWritten() throws {
        let bytes = try #require(Data(base64Encoded: Self.sqliteDatabase, options: .ignoreUnknownCharacters))
        let file = try Self.temporaryFile("app.db", bytes)
        let folder = file.deletingLastPathComponent()
        let past = Date(timeIntervalSince1970: 1_700_000_000)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: file.path)
        let migration = try Self.temporaryFile("0002_tags.sql", Data("CREATE TABLE tags (name TEXT PRIMARY KEY);\n".utf8))

        var outputs: [String] = []
        for arguments in [
            ["--database-url", "sqlite:\(file.path)"],
            ["--database-url", "sqlite://\(file.path)"],
            ["--dialect", "sqlite", "--database-url", "file:\(file.path)"],
            ["--dialect", "sqlite", "--database-url", file.path],
        ] {
            let run = try SwitchgateBinary.run(["schema", "--format", "json"] + arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            outputs.append(run.stdout)
        }
        #expect(Set(outputs).count == 1)
        let json = outputs.first ?? ""
        for fragment in [
            "\"schema\":\"main\",\"name\":\"users\"", "\"schema\":\"main\",\"name\":\"posts\"", "\"name\":\"posts_user_id\"",
            "\"references\":\"main.users\"",
        ] {
            #expect(json.contains(fragment), "\(fragment)")
        }
        let onTop = try SwitchgateBinary.run(["schema", "--database-url", "sqlite:\(file.path)", migration.path])
        #expect(onTop.status == 0, "\(onTop.stderr)")
        #expect(onTop.stdout.contains("\"name\":\"tags\""))

        // Same bytes, same modification time, and no journal, WAL or SHM file beside it.
        #expect(try Data(contentsOf: file) == bytes)
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect(attributes[.modificationDate] as? Date == past)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["app.db"])
    }

    @Test func aMissingSQLiteFileIsExitTwoAndIsNotCreated() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("switchgate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("missing.db").path
        let run = try SwitchgateBinary.run(["schema", "--database-url", "sqlite:\(path)"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("no SQLite database at \(path)"))
        #expect(!FileManager.default.fileExists(atPath: path))
        let wrongDialect = try SwitchgateBinary.run(["schema", "--dialect", "postgres", "--database-url", "sqlite:\(path)"])
        #expect(wrongDialect.status == 2)
        #expect(wrongDialect.stderr.contains("--dialect sqlite"))
    }
}

import Testing

@testable import PostgresAdapter

@Suite("PostgresConnection", .needsServer)
struct ConnectionTests {
    @Test func connectsAndReportsTheServerVersion() throws {
        let conn = try TestServer.connect()
        #expect(conn.serverMajorVersion >= 10)
        #expect(conn.serverVersion >= conn.serverMajorVersion * 10_000)
        #expect(conn.transactionStatus == .idle)
        let result = try conn.query("SELECT current_setting('client_encoding') AS encoding, 1 + 1 AS two")
        #expect(result.columns == ["encoding", "two"])
        #expect(result.rows == [["UTF8", "2"]])
        #expect(result.commandTag == "SELECT 1")
    }

    @Test func passesParametersAsTextWithNulls() throws {
        let conn = try TestServer.connect()
        let result = try conn.query(
            "SELECT $1::int + 1 AS n, $2::text IS NULL AS missing, $3::text AS word, $4::text[] AS list",
            parameters: ["41", nil, "héllo 'quoted'", "{a,\"b c\",NULL}"])
        let row = try #require(result.namedRows.first)
        #expect(row["n"] == "42")
        #expect(try row.bool("missing"))
        #expect(row["word"] == "héllo 'quoted'")
        #expect(try row.array("list") == ["a", "b c", nil])
    }

    @Test func queryErrorsCarrySQLStateAndPosition() throws {
        let conn = try TestServer.connect()
        let missing = #expect(throws: PostgresError.self) {
            try conn.query("SELECT * FROM no_such_table")
        }
        let error = try #require(missing?.serverError)
        #expect(error.sqlState == "42P01")
        #expect(error.message == "relation \"no_such_table\" does not exist")
        #expect(error.position == 15)
        #expect(error.utf8Offset(in: "SELECT * FROM no_such_table") == 14)

        let syntax = #expect(throws: PostgresError.self) { try conn.query("SELEKT 1") }
        #expect(syntax?.sqlState == "42601")
        #expect(syntax?.serverError?.position == 1)

        let column = #expect(throws: PostgresError.self) { try conn.query("SELECT nope FROM pg_class") }
        #expect(column?.sqlState == "42703")

        // The connection stays usable after an error.
        #expect(try conn.query("SELECT 'still here'").rows == [["still here"]])
        #expect(conn.transactionStatus == .idle)
    }

    @Test func positionsCountCharactersNotBytes() throws {
        let conn = try TestServer.connect()
        let sql = "SELECT 'ééé', * FROM missing_é"
        let error = try #require(#expect(throws: PostgresError.self) { try conn.query(sql) }?.serverError)
        #expect(error.sqlState == "42P01")
        #expect(error.position == 22)
        #expect(error.utf8Offset(in: sql) == 24)
    }

    @Test func rejectsNulBytesInsteadOfTruncating() throws {
        let conn = try TestServer.connect()
        #expect(throws: PostgresError.self) { try conn.query("SELECT 1\0; DROP TABLE x") }
        #expect(throws: PostgresError.self) { try conn.query("SELECT $1::text", parameters: ["a\0b"]) }
        #expect(throws: PostgresError.self) { try conn.execute("SELECT 1\0") }
    }

    @Test func wrongPasswordIsRejectedWithoutEchoingIt() throws {
        // The test server trusts every local user, so a password is simply ignored;
        // an unknown database still fails, and the message must not show the password.
        var url = try TestServer.url()
        url = ConnectionURL.replacingDatabase(in: url, with: "switchgate_no_such_database")
        url = url.replacingAll("postgresql://postgres@", with: "postgresql://postgres:s3cret-pw@")
        let error = #expect(throws: PostgresError.self) { try PostgresConnection(url: url) }
        #expect(!(error?.description.contains("s3cret-pw") ?? true))
        #expect(error?.description.contains("switchgate_no_such_database") ?? false)
    }

    @Test func executeRunsScriptsAndLocatesTheFailingStatement() throws {
        try ScratchDatabase.using(serverURL: TestServer.url()) { scratch in
            let conn = try scratch.connect()
            #expect(try conn.execute("CREATE TABLE a (x int); INSERT INTO a VALUES (1); SELECT * FROM a;") == 3)

            let script = "CREATE TABLE b (y int);\nCREATE TABLE a (x int);\nCREATE TABLE c (z int);"
            let error = try #require(#expect(throws: PostgresError.self) { try conn.execute(script) }?.serverError)
            #expect(error.sqlState == "42P07")
            #expect(error.statementIndex == 1)
            #expect(error.message == "relation \"a\" already exists")
            // A multi-statement script is one implicit transaction: b was rolled back.
            #expect(try conn.query("SELECT to_regclass('b') IS NULL").rows == [["t"]])

            let typo = try #require(
                #expect(throws: PostgresError.self) { try conn.execute("SELECT 1;\nSELECT * FROM nope;") }?.serverError)
            #expect(typo.sqlState == "42P01")
            #expect(typo.statementIndex == 1)
            #expect(typo.position == 25)
        }
    }

    @Test func collectsNoticesInsteadOfPrinting() throws {
        try ScratchDatabase.using(serverURL: TestServer.url()) { scratch in
            let conn = try scratch.connect()
            _ = conn.takeNotices()
            try conn.execute("DROP TABLE IF EXISTS never_there")
            #expect(conn.takeNotices() == ["table \"never_there\" does not exist, skipping"])
            #expect(conn.takeNotices().isEmpty)
        }
    }

    @Test func copyWithClientDataIsRefusedCleanly() throws {
        try ScratchDatabase.using(serverURL: TestServer.url()) { scratch in
            let conn = try scratch.connect()
            try conn.execute("CREATE TABLE t (x int)")
            #expect(throws: PostgresError.self) { try conn.query("COPY t FROM STDIN") }
            #expect(throws: PostgresError.self) { try conn.execute("COPY t FROM STDIN") }
            #expect(throws: PostgresError.self) { try conn.query("COPY t TO STDOUT") }
            #expect(try conn.query("SELECT count(*) FROM t").rows == [["0"]])
            #expect(conn.transactionStatus == .idle)
        }
    }
}

@Suite("Connection failures (no server)")
struct ConnectionFailureTests {
    @Test func connectionFailuresNeverShowThePassword() throws {
        // Port 1 on loopback refuses at once: the password is never even sent.
        let error = #expect(throws: PostgresError.self) {
            try PostgresConnection(url: "postgresql://alice:hunter2@127.0.0.1:1/db?connect_timeout=2")
        }
        guard case .connectionFailed(let url, let message)? = error else {
            Issue.record("expected connectionFailed, got \(String(describing: error))")
            return
        }
        #expect(url == "postgresql://alice:***@127.0.0.1:1/db?connect_timeout=2")
        #expect(!message.contains("hunter2"))
        #expect(!(error?.description.contains("hunter2") ?? true))

        let keyValue = #expect(throws: PostgresError.self) {
            try PostgresConnection(url: "host=127.0.0.1 port=1 password=hunter2 connect_timeout=2")
        }
        #expect(!(keyValue?.description.contains("hunter2") ?? true))
        #expect(keyValue?.description.contains("password=***") ?? false)
    }

    @Test(arguments: [
        "postgresql://u:hunter2@127.0.0.1:notaport/db",
        "postgresql://u:hunter2@[::1/db",
        "host=127.0.0.1 password=hunter2 bogus",
        "host=127.0.0.1 password='hunter2",
        "host=127.0.0.1 port=1 connect_timeout=2 dbname=postgresql://u:hunter2@127.0.0.1:1/db",
        "postgresql://u@127.0.0.1:1/db?password=hunter2&connect_timeout=2",
    ])
    func malformedStringsNeverShowThePassword(_ url: String) {
        let error = #expect(throws: PostgresError.self) { try PostgresConnection(url: url) }
        #expect(!(error?.description.contains("hunter2") ?? true), "\(String(describing: error))")
    }
}

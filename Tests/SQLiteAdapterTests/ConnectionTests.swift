import Foundation
import Testing

@testable import SQLiteAdapter

@Suite("SQLiteConnection")
struct ConnectionTests {
    // MARK: - Read-only opening

    @Test func openReadOnlyRefusesAMissingFileAndCreatesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for path in [folder.file("missing.db"), folder.file("no-such-folder/missing.db")] {
            #expect(throws: SQLiteError.fileNotFound(path: path)) { try SQLiteConnection.openReadOnly(path: path) }
            #expect(!FileManager.default.fileExists(atPath: path))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func openReadOnlyRefusesAFolder() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(throws: SQLiteError.self) { try SQLiteConnection.openReadOnly(path: folder.path) }
    }

    @Test func openReadOnlyRefusesAFileThatIsNotADatabase() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("notes.txt")
        let text = String(repeating: "not a database, just text. ", count: 40)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        do {
            _ = try SQLiteConnection.openReadOnly(path: path)
            Issue.record("a text file opened as a database")
        } catch {
            guard case .openFailed(let reported, let code, _) = error else {
                Issue.record("expected openFailed, got \(error)")
                return
            }
            #expect(reported == path)
            #expect(code & 0xFF == SQLiteResultCode.notADatabase)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    }

    @Test func readOnlyConnectionRefusesWritesAndLeavesTheFileAlone() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("app.db")
        try makeDatabaseFile(
            at: path, script: "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO t VALUES (1, 'a');")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let connection = try SQLiteConnection.openReadOnly(path: path)
        #expect(connection.isReadOnly)
        #expect(try connection.query("SELECT id, name FROM t") == [["1", "a"]])
        for write in [
            "INSERT INTO t VALUES (2, 'b')", "CREATE TABLE u (x)", "DROP TABLE t", "UPDATE t SET name = 'z'",
            "PRAGMA user_version = 7",
        ] {
            do {
                try connection.execute(write)
                Issue.record("a read-only connection ran \(write)")
            } catch {
                #expect(error.failure?.primaryCode == SQLiteResultCode.readOnly, "\(write): \(error)")
            }
        }
        for copy in ["VACUUM INTO '\(folder.file("copy.db"))'", "ATTACH '\(folder.file("other.db"))' AS other"] {
            #expect(throws: SQLiteError.self, "\(copy)") { try connection.execute(copy) }
        }
        #expect(try connection.query("SELECT count(*) FROM t") == [["1"]])
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["app.db"])
    }

    @Test(arguments: ["odd?name.db", "hash#name.db", "per%25cent.db", "spa ce.db", "ünï.db"])
    func readOnlyURIKeepsOddCharactersInThePath(_ name: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file(name)
        try makeDatabaseFile(at: path, script: "CREATE TABLE marker (x); INSERT INTO marker VALUES ('\(name)');")
        let connection = try SQLiteConnection.openReadOnly(path: path)
        #expect(try connection.query("SELECT x FROM marker") == [[name]])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [name])
    }

    @Test func readOnlyURIEncodesReservedBytes() {
        #expect(SQLiteConnection.readOnlyURI("/tmp/a b?c#d%e.db") == "file:/tmp/a%20b%3Fc%23d%25e.db?mode=ro")
        #expect(SQLiteConnection.readOnlyURI("//host/x.db") == "file:/host/x.db?mode=ro")
        #expect(SQLiteConnection.readOnlyURI("rel/x.db") == "file:rel/x.db?mode=ro")
    }

    // MARK: - Scripts

    @Test func inMemoryDatabasesAreFreshAndWritable() throws {
        let a = try SQLiteConnection.inMemory()
        let b = try SQLiteConnection.inMemory()
        #expect(!a.isReadOnly)
        #expect(try a.execute("CREATE TABLE t (x); INSERT INTO t VALUES (1); -- trailing comment\n") == 2)
        #expect(try a.query("SELECT x FROM t") == [["1"]])
        #expect(try b.query("SELECT count(*) FROM sqlite_master") == [["0"]])
    }

    @Test func executeCountsStatementsAndSkipsEmptyOnes() throws {
        let db = try SQLiteConnection.inMemory()
        #expect(try db.execute("") == 0)
        #expect(try db.execute("  ;; -- nothing\n /* still nothing */ ") == 0)
        #expect(try db.execute("CREATE TABLE a (x);;\n/* c */ CREATE TABLE b (y); SELECT * FROM a;") == 3)
    }

    @Test func executeReportsTheFailingStatementWithCodeAndOffset() throws {
        let db = try SQLiteConnection.inMemory()
        let script = """
            CREATE TABLE a (x INTEGER NOT NULL UNIQUE);
            INSERT INTO a VALUES (1);
            -- the third statement names a missing table
            INSERT INTO missing VALUES (2);
            CREATE TABLE never (y);
            """
        do {
            try db.execute(script)
            Issue.record("the script ran through")
        } catch {
            guard case .prepareFailed(let failure) = error else {
                Issue.record("expected prepareFailed, got \(error)")
                return
            }
            #expect(failure.code == SQLiteResultCode.error)
            #expect(failure.codeName == "SQLITE_ERROR")
            #expect(failure.message == "no such table: missing")
            #expect(failure.statementIndex == 2)
            #expect(failure.statementOffset == byteOffset(of: "INSERT INTO missing", in: script))
            // SQLite 3.40 names no token for a missing table; when a later one does, it is this one.
            if let blamed = failure.errorOffset {
                #expect(blamed == byteOffset(of: "missing VALUES", in: script))
            }
        }
        // The statements before the failure stay applied; the ones after never ran.
        #expect(try db.query("SELECT x FROM a") == [["1"]])
        #expect(try db.query("SELECT count(*) FROM sqlite_master WHERE name = 'never'") == [["0"]])
    }

    @Test func executeReportsStepFailuresWithExtendedCodes() throws {
        let db = try SQLiteConnection.inMemory()
        let script = "CREATE TABLE a (x UNIQUE);\nINSERT INTO a VALUES (1);\nINSERT INTO a VALUES (1);"
        do {
            try db.execute(script)
            Issue.record("the duplicate was accepted")
        } catch {
            guard case .stepFailed(let failure) = error else {
                Issue.record("expected stepFailed, got \(error)")
                return
            }
            #expect(failure.code == SQLiteResultCode.constraintUnique)
            #expect(failure.primaryCode == SQLiteResultCode.constraint)
            #expect(failure.codeName == "SQLITE_CONSTRAINT_UNIQUE")
            #expect(failure.message == "UNIQUE constraint failed: a.x")
            #expect(failure.statementIndex == 2)
            #expect(failure.statementOffset == script.utf8.count - "INSERT INTO a VALUES (1);".utf8.count)
        }
    }

    @Test func executeReportsSyntaxErrorsWithTheOffendingToken() throws {
        let db = try SQLiteConnection.inMemory()
        let script = "CREATE TABLE a (x);\nDROP INDEX job_group_id ON jobs;"
        do {
            try db.execute(script)
            Issue.record("MySQL's DROP INDEX ... ON was accepted")
        } catch {
            #expect(error.failure?.code == SQLiteResultCode.error)
            #expect(error.failure?.message == "near \"ON\": syntax error")
            #expect(error.failure?.statementIndex == 1)
            #expect(error.failure?.statementOffset == byteOffset(of: "DROP", in: script))
            if SQLiteConnection.libraryVersionNumber >= 3_038_000 {
                #expect(error.failure?.errorOffset == byteOffset(of: "ON jobs", in: script))
            }
        }
    }

    @Test func textWithNulBytesIsRefused() throws {
        let db = try SQLiteConnection.inMemory()
        #expect(throws: SQLiteError.self) { try db.execute("SELECT 1;\u{0}DROP TABLE x") }
        #expect(throws: SQLiteError.self) { try db.query("SELECT ?", parameters: ["a\u{0}b"]) }
    }

    // MARK: - Prepare and query

    @Test func prepareDescribesAStatementWithoutRunningIt() throws {
        let db = try SQLiteConnection.inMemory()
        try db.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(255) NOT NULL, age INT)")
        let info = try db.prepare("SELECT id, email AS address, age + 1 FROM users WHERE id = ? AND email = :email")
        #expect(info.columnNames == ["id", "address", "age + 1"])
        #expect(info.declaredTypes == ["INTEGER", "VARCHAR(255)", nil])
        #expect(info.parameterCount == 2)
        #expect(info.parameterNames == [nil, ":email"])
        #expect(info.isReadOnly)

        let insert = try db.prepare("INSERT INTO users (email) VALUES (?1)")
        #expect(!insert.isReadOnly)
        #expect(insert.columnNames.isEmpty)
        #expect(try db.query("SELECT count(*) FROM users") == [["0"]])
    }

    @Test(
        arguments: [
            ("SELECT * FROM x", "no such table: x", nil),
            ("SELECT y FROM users", "no such column: y", "y FROM"),
            ("SELECT id FROM users WHERE nope = 1", "no such column: nope", "nope"),
            ("INSERT INTO users (id, missing) VALUES (1, 2)", "table users has no column named missing", nil),
            ("SELEC 1", "near \"SELEC\": syntax error", "SELEC"),
        ] as [(String, String, String?)])
    func prepareRefusesQueriesThatDoNotFitTheSchema(_ sql: String, message: String, blamed: String?) throws {
        let db = try SQLiteConnection.inMemory()
        try db.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT)")
        do {
            _ = try db.prepare(sql)
            Issue.record("\(sql) was prepared")
        } catch {
            guard case .prepareFailed(let failure) = error else {
                Issue.record("expected prepareFailed, got \(error)")
                return
            }
            #expect(failure.code == SQLiteResultCode.error)
            #expect(failure.message == message)
            #expect(failure.statementIndex == nil)
            #expect(failure.statementOffset == 0)
            if let blamed, SQLiteConnection.libraryVersionNumber >= 3_038_000 {
                #expect(failure.errorOffset == byteOffset(of: blamed, in: sql))
            }
        }
    }

    @Test func prepareAndQueryTakeOneStatement() throws {
        let db = try SQLiteConnection.inMemory()
        #expect(throws: SQLiteError.emptyStatement) { try db.prepare("  -- only a comment") }
        #expect(throws: SQLiteError.trailingStatement(offset: 10)) { try db.prepare("SELECT 1; SELECT 2") }
        #expect(try db.prepare("SELECT 1; -- fine\n").columnNames == ["1"])
        #expect(throws: SQLiteError.trailingStatement(offset: 10)) { try db.query("SELECT 1; SELECT 2") }
    }

    @Test func queryBindsParametersAndReadsNulls() throws {
        let db = try SQLiteConnection.inMemory()
        try db.execute("CREATE TABLE t (a, b); INSERT INTO t VALUES (1, NULL), (2.5, x'6869'), ('three', 'x');")
        #expect(try db.query("SELECT a, b FROM t ORDER BY rowid") == [["1", nil], ["2.5", "hi"], ["three", "x"]])
        #expect(try db.query("SELECT a FROM t WHERE b = ?1 OR a = ?2", parameters: ["x", nil]) == [["three"]])
        #expect(try db.query("SELECT ? IS NULL", parameters: [nil]) == [["1"]])
        #expect(throws: SQLiteError.self) { try db.query("SELECT ?, ?", parameters: ["only one"]) }
    }

    @Test func transactionStateIsVisible() throws {
        let db = try SQLiteConnection.inMemory()
        #expect(!db.inTransaction)
        try db.execute("BEGIN")
        #expect(db.inTransaction)
        try db.execute("COMMIT")
        #expect(!db.inTransaction)
    }

    @Test func errorDescriptionsNameTheCode() {
        let failure = SQLiteFailure(
            code: 2067, message: "UNIQUE constraint failed: a.x", statementIndex: 2, statementOffset: 40)
        #expect(
            SQLiteError.stepFailed(failure).description
                == "UNIQUE constraint failed: a.x (SQLITE_CONSTRAINT_UNIQUE) in statement 3 at byte 40")
        #expect(SQLiteResultCode.name(8) == "SQLITE_READONLY")
        #expect(SQLiteResultCode.name(1032) == "SQLITE_READONLY_DBMOVED")
        #expect(SQLiteResultCode.name(99 << 8 | 1) == "SQLITE_ERROR")
    }
}

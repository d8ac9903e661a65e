import CSQLite3
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One SQLite database connection: the only owner of its `sqlite3 *`, closed in `deinit`.
///
/// Two ways in, matching SPEC §6 ("nothing is ever written to a database that
/// switchgate did not create itself"): `openReadOnly(path:)` for a user's file, which
/// SQLite itself then refuses to write, and `inMemory()` for a scratch database that
/// switchgate owns and verifies migrations in.
///
/// Not thread-safe by contract: use one connection from one task at a time.
public final class SQLiteConnection {
    let handle: OpaquePointer
    /// The path given to `openReadOnly`, or `:memory:`.
    public let path: String

    private init(handle: OpaquePointer, path: String) {
        self.handle = handle
        self.path = path
    }

    deinit {
        // close_v2 defers the close until the last statement is finalized, though
        // every SQLiteStatement holds its connection and so is finalized first.
        sqlite3_close_v2(handle)
    }

    // MARK: - Opening

    /// Opens an existing database file read-only (`SQLITE_OPEN_READONLY` and a
    /// `file:` URI with `mode=ro`), so nothing can be written to it.
    ///
    /// A missing file is refused with `.fileNotFound` rather than created; a file
    /// that is not a database is refused with `.openFailed` (`SQLITE_NOTADB`).
    public static func openReadOnly(path: String) throws(SQLiteError) -> SQLiteConnection {
        guard !path.utf8.contains(0) else { throw .invalidArgument("the database path contains a NUL byte") }
        var status = stat()
        guard stat(path, &status) == 0 else { throw .fileNotFound(path: path) }
        guard status.st_mode & S_IFMT != S_IFDIR else {
            throw .openFailed(path: path, code: SQLiteResultCode.cantOpen, message: "is a directory")
        }
        let connection = try open(
            uri: readOnlyURI(path), flags: SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, displayPath: path)
        // A wait rather than an instant SQLITE_BUSY while the application holds a write lock.
        sqlite3_busy_timeout(connection.handle, 5_000)
        // No ATTACH and no VACUUM INTO (which attaches its target): the connection sees
        // the user's file and nothing else, and creates no file anywhere.
        sqlite3_limit(connection.handle, SQLITE_LIMIT_ATTACHED, 0)
        // SQLite opens lazily: read the schema now so that a file that is not a
        // database fails here, as an open error, and not on the first query.
        do {
            _ = try connection.query("SELECT count(*) FROM sqlite_master")
        } catch {
            throw .openFailed(
                path: path, code: error.code ?? SQLiteResultCode.error,
                message: error.failure?.message ?? error.description)
        }
        return connection
    }

    /// A new, empty in-memory database that lives as long as the connection: the
    /// embedded verifier for SQLite migrations (SPEC §6).
    public static func inMemory() throws(SQLiteError) -> SQLiteConnection {
        try open(uri: ":memory:", flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, displayPath: ":memory:")
    }

    private static func open(uri: String, flags: Int32, displayPath: String) throws(SQLiteError) -> SQLiteConnection {
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(uri, &db, flags, nil)
        guard let db else {
            throw .openFailed(path: displayPath, code: rc, message: "SQLite could not allocate a connection")
        }
        guard rc == SQLITE_OK else {
            let code = sqlite3_extended_errcode(db)
            let message = String(cString: sqlite3_errmsg(db))
            // sqlite3_open_v2 hands back a handle even when it fails; it must be closed.
            sqlite3_close_v2(db)
            throw .openFailed(path: displayPath, code: code, message: message)
        }
        sqlite3_extended_result_codes(db, 1)
        return SQLiteConnection(handle: db, path: displayPath)
    }

    /// `file:<path>?mode=ro`, with every byte outside the URI's unreserved set and `/`
    /// percent-encoded, so a `?`, `#` or `%` in the path stays part of the path.
    static func readOnlyURI(_ path: String) -> String {
        var bytes = Array(path.utf8)
        // "file://x" would read x as an authority; one leading slash keeps it a path.
        while bytes.count > 1, bytes[0] == UInt8(ascii: "/"), bytes[1] == UInt8(ascii: "/") { bytes.removeFirst() }
        var encoded = "file:"
        let hex = Array("0123456789ABCDEF".utf8)
        for b in bytes {
            let plain =
                (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
                || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "~")
                || b == UInt8(ascii: "/")
            if plain {
                encoded.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                encoded += "%"
                encoded.unicodeScalars.append(Unicode.Scalar(hex[Int(b >> 4)]))
                encoded.unicodeScalars.append(Unicode.Scalar(hex[Int(b & 0x0F)]))
            }
        }
        return encoded + "?mode=ro"
    }

    // MARK: - Facts

    /// The SQLite library version in use: `3.40.1`.
    public static var libraryVersion: String { String(cString: sqlite3_libversion()) }

    /// The library version as a number: 3040001 for 3.40.1.
    public static var libraryVersionNumber: Int { Int(sqlite3_libversion_number()) }

    /// Whether the `main` database refuses writes.
    public var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }

    /// Whether a `BEGIN` is open (SQLite is otherwise in autocommit mode).
    public var inTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    // MARK: - Statements

    /// Runs a script of any number of statements, one at a time in order
    /// (`sqlite3_prepare_v2` and its tail pointer), and returns how many ran.
    ///
    /// Statements before a failing one stay applied, as with `sqlite3_exec`. The
    /// error carries SQLite's extended result code and message, the index of the
    /// failing statement and its byte offset in `sql`.
    @discardableResult
    public func execute(_ sql: String) throws(SQLiteError) -> Int {
        let text = try SQLText(sql)
        var offset = 0
        var index = 0
        while true {
            let start = text.skipTrivia(from: offset)
            guard start < text.count else { return index }
            let compiled = try compile(text, at: start, statementIndex: index)
            guard let statement = compiled.statement else {
                // Only trivia SQLite skips on its own; go on after it.
                guard compiled.tail > start else { return index }
                offset = compiled.tail
                continue
            }
            let rc = statement.run { _ in }
            guard rc == SQLITE_DONE else {
                throw .stepFailed(failure(code: rc, statementIndex: index, statementOffset: start, base: nil))
            }
            index += 1
            offset = compiled.tail
        }
    }

    /// Compiles one statement without running it (`sqlite3_prepare_v2` only), to
    /// check that an application query fits the schema: a missing table or column,
    /// a syntax error, or a wrong function arity is refused here.
    public func prepare(_ sql: String) throws(SQLiteError) -> PreparedStatementInfo {
        let statement = try single(sql)
        return statement.info
    }

    /// Runs one statement with `?`/`?NNN`/`:name` parameters bound in order (as
    /// text; nil is NULL) and returns every row, each value as text or nil for NULL.
    public func query(_ sql: String, parameters: [String?] = []) throws(SQLiteError) -> [[String?]] {
        let statement = try single(sql)
        let expected = Int(sqlite3_bind_parameter_count(statement.handle))
        guard expected == parameters.count else {
            throw .invalidArgument("the statement takes \(expected) parameters, \(parameters.count) given")
        }
        for (i, value) in parameters.enumerated() {
            let position = Int32(i + 1)
            let rc: Int32
            if let value {
                guard !value.utf8.contains(0) else { throw .invalidArgument("a parameter contains a NUL byte") }
                rc = sqlite3_bind_text(statement.handle, position, value, -1, SQLiteConnection.transient)
            } else {
                rc = sqlite3_bind_null(statement.handle, position)
            }
            guard rc == SQLITE_OK else {
                throw .stepFailed(failure(code: rc, statementIndex: nil, statementOffset: nil, base: nil))
            }
        }
        var rows: [[String?]] = []
        let rc = statement.run { rows.append(SQLiteStatement.row($0)) }
        guard rc == SQLITE_DONE else {
            throw .stepFailed(failure(code: rc, statementIndex: nil, statementOffset: nil, base: nil))
        }
        return rows
    }

    /// `SQLITE_TRANSIENT`: SQLite copies the bound text before `bind` returns. The C
    /// macro is a cast of -1 to a function pointer, which Swift does not import.
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    // MARK: - Plumbing

    /// Exactly one statement of `sql`, compiled.
    private func single(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        let text = try SQLText(sql)
        let start = text.skipTrivia(from: 0)
        guard start < text.count else { throw .emptyStatement }
        let compiled = try compile(text, at: start, statementIndex: nil)
        guard let statement = compiled.statement else { throw .emptyStatement }
        let rest = text.skipTrivia(from: compiled.tail)
        guard rest >= text.count else { throw .trailingStatement(offset: rest) }
        return statement
    }

    /// Compiles the statement that begins at byte `start` of `text`; returns it (nil
    /// when only comments were left) and the offset just after it.
    private func compile(
        _ text: SQLText, at start: Int, statementIndex: Int?
    ) throws(SQLiteError) -> (statement: SQLiteStatement?, tail: Int) {
        var raw: OpaquePointer?
        var tailOffset = text.count
        let rc = text.bytes.withUnsafeBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return SQLITE_MISUSE }
            var tail: UnsafePointer<CChar>?
            // The length includes the terminating NUL, which SQLite says saves it a copy.
            let rc = sqlite3_prepare_v2(handle, base + start, Int32(clamping: buffer.count - start), &raw, &tail)
            if let tail { tailOffset = min(max(tail - base, start), text.count) }
            return rc
        }
        guard rc == SQLITE_OK else {
            if let raw { sqlite3_finalize(raw) }
            throw .prepareFailed(failure(code: rc, statementIndex: statementIndex, statementOffset: start, base: start))
        }
        guard let raw else { return (nil, tailOffset) }
        return (SQLiteStatement(handle: raw, connection: self), tailOffset)
    }

    /// The failure SQLite reports for the last call; `base` is where the text given
    /// to `sqlite3_prepare_v2` began, to turn `sqlite3_error_offset` into an offset in the script.
    private func failure(code: Int32, statementIndex: Int?, statementOffset: Int?, base: Int?) -> SQLiteFailure {
        let extended = sqlite3_extended_errcode(handle)
        // The connection's code is the more specific one when it agrees with the call's.
        let resolved = (extended & 0xFF) == (code & 0xFF) ? extended : code
        let message = String(cString: sqlite3_errmsg(handle))
        var errorOffset: Int?
        if let base {
            let at = Int(switchgate_sqlite3_error_offset(handle))
            if at >= 0 { errorOffset = base + at }
        }
        return SQLiteFailure(
            code: resolved, message: message, statementIndex: statementIndex, statementOffset: statementOffset,
            errorOffset: errorOffset)
    }
}

/// SQL as a NUL-terminated UTF-8 buffer, with the trivia scanner the statement
/// loop uses to find where each statement begins.
struct SQLText {
    /// The UTF-8 bytes followed by one NUL.
    let bytes: [CChar]
    /// The number of bytes before the NUL.
    let count: Int

    init(_ sql: String) throws(SQLiteError) {
        guard !sql.utf8.contains(0) else { throw .invalidArgument("the SQL text contains a NUL byte") }
        bytes = Array(sql.utf8CString)
        count = bytes.count - 1
    }

    private func byte(_ i: Int) -> UInt8 { UInt8(bitPattern: bytes[i]) }

    /// The offset of the first byte at or after `offset` that is not white space, a
    /// comment or a stray `;` (an empty statement), or `count`.
    func skipTrivia(from offset: Int) -> Int {
        var i = max(0, offset)
        while i < count {
            let b = byte(i)
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C || b == UInt8(ascii: ";") {
                i += 1
            } else if b == UInt8(ascii: "-"), i + 1 < count, byte(i + 1) == UInt8(ascii: "-") {
                while i < count, byte(i) != 0x0A { i += 1 }
            } else if b == UInt8(ascii: "/"), i + 1 < count, byte(i + 1) == UInt8(ascii: "*") {
                i += 2
                while i < count, !(byte(i) == UInt8(ascii: "*") && i + 1 < count && byte(i + 1) == UInt8(ascii: "/")) {
                    i += 1
                }
                i = min(count, i + 2)
            } else {
                return i
            }
        }
        return count
    }
}

/// What SQLite said about a statement it refused, with where in the text it was.
public struct SQLiteFailure: Hashable, Sendable, CustomStringConvertible {
    /// The extended result code (`SQLITE_READONLY` is 8, `SQLITE_CONSTRAINT_UNIQUE` is 2067).
    public var code: Int32
    /// `sqlite3_errmsg`: `no such table: x`, `near "FROM": syntax error`, ...
    public var message: String
    /// For a script (`SQLiteConnection.execute`): the 0-based index of the failing
    /// statement among the statements of the script.
    public var statementIndex: Int?
    /// The UTF-8 byte offset in the text given of the failing statement's first token.
    public var statementOffset: Int?
    /// The UTF-8 byte offset in the text given of the token SQLite blames
    /// (`sqlite3_error_offset`, SQLite 3.38 and later), when it names one.
    public var errorOffset: Int?

    public init(
        code: Int32, message: String, statementIndex: Int? = nil, statementOffset: Int? = nil, errorOffset: Int? = nil
    ) {
        self.code = code
        self.message = message
        self.statementIndex = statementIndex
        self.statementOffset = statementOffset
        self.errorOffset = errorOffset
    }

    /// The primary result code: the low byte of the extended one.
    public var primaryCode: Int32 { code & 0xFF }

    /// The C name of the code (`SQLITE_CONSTRAINT_UNIQUE`), or of its primary code
    /// when the extended code is not one the adapter names.
    public var codeName: String { SQLiteResultCode.name(code) }

    public var description: String {
        var text = "\(message) (\(codeName))"
        if let statementIndex { text += " in statement \(statementIndex + 1)" }
        if let offset = errorOffset ?? statementOffset { text += " at byte \(offset)" }
        return text
    }
}

/// Everything that can go wrong talking to SQLite, as typed values.
public enum SQLiteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `openReadOnly` was given a path where there is no file; nothing was created.
    case fileNotFound(path: String)
    /// `sqlite3_open_v2` failed (not a database, no permission, out of memory).
    case openFailed(path: String, code: Int32, message: String)
    /// `sqlite3_prepare_v2` refused a statement: a syntax error, a missing table or column.
    case prepareFailed(SQLiteFailure)
    /// `sqlite3_step` failed: a constraint, a read-only database, a busy lock.
    case stepFailed(SQLiteFailure)
    /// The text holds no statement (empty, or only comments).
    case emptyStatement
    /// `prepare` and `query` take exactly one statement; `offset` is where the second begins.
    case trailingStatement(offset: Int)
    /// SQL text or a parameter contains a NUL byte, which SQLite would cut the text at.
    case invalidArgument(String)
    /// SQLite answered with something the adapter cannot read.
    case unexpectedResult(String)

    /// SQLite's failure, for prepare and step errors.
    public var failure: SQLiteFailure? {
        switch self {
        case .prepareFailed(let f), .stepFailed(let f): return f
        default: return nil
        }
    }

    /// The extended result code, when SQLite gave one.
    public var code: Int32? {
        switch self {
        case .openFailed(_, let code, _): return code
        case .prepareFailed(let f), .stepFailed(let f): return f.code
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .fileNotFound(let path):
            return "no SQLite database at \(path)"
        case .openFailed(let path, let code, let message):
            return "could not open SQLite database \(path): \(message) (\(SQLiteResultCode.name(code)))"
        case .prepareFailed(let f):
            return f.description
        case .stepFailed(let f):
            return f.description
        case .emptyStatement:
            return "the SQL text holds no statement"
        case .trailingStatement(let offset):
            return "only one statement is allowed; another begins at byte \(offset)"
        case .invalidArgument(let message):
            return message
        case .unexpectedResult(let message):
            return "unexpected result from SQLite: \(message)"
        }
    }
}

/// SQLite's result codes (https://sqlite.org/rescode.html), as numbers and names.
public enum SQLiteResultCode {
    public static let ok: Int32 = 0
    public static let error: Int32 = 1
    public static let busy: Int32 = 5
    public static let locked: Int32 = 6
    public static let readOnly: Int32 = 8
    public static let cantOpen: Int32 = 14
    public static let constraint: Int32 = 19
    public static let misuse: Int32 = 21
    public static let notADatabase: Int32 = 26
    /// `SQLITE_READONLY_DBMOVED` and friends share the primary code `readOnly`.
    public static let constraintUnique: Int32 = 2067
    public static let constraintForeignKey: Int32 = 787
    public static let constraintNotNull: Int32 = 1299
    public static let constraintCheck: Int32 = 275
    public static let constraintPrimaryKey: Int32 = 1555

    private static let primaryNames: [Int32: String] = [
        0: "SQLITE_OK", 1: "SQLITE_ERROR", 2: "SQLITE_INTERNAL", 3: "SQLITE_PERM", 4: "SQLITE_ABORT",
        5: "SQLITE_BUSY", 6: "SQLITE_LOCKED", 7: "SQLITE_NOMEM", 8: "SQLITE_READONLY", 9: "SQLITE_INTERRUPT",
        10: "SQLITE_IOERR", 11: "SQLITE_CORRUPT", 12: "SQLITE_NOTFOUND", 13: "SQLITE_FULL", 14: "SQLITE_CANTOPEN",
        15: "SQLITE_PROTOCOL", 16: "SQLITE_EMPTY", 17: "SQLITE_SCHEMA", 18: "SQLITE_TOOBIG",
        19: "SQLITE_CONSTRAINT", 20: "SQLITE_MISMATCH", 21: "SQLITE_MISUSE", 22: "SQLITE_NOLFS",
        23: "SQLITE_AUTH", 24: "SQLITE_FORMAT", 25: "SQLITE_RANGE", 26: "SQLITE_NOTADB", 27: "SQLITE_NOTICE",
        28: "SQLITE_WARNING", 100: "SQLITE_ROW", 101: "SQLITE_DONE",
    ]

    private static let extendedNames: [Int32: String] = [
        275: "SQLITE_CONSTRAINT_CHECK", 531: "SQLITE_CONSTRAINT_COMMITHOOK", 787: "SQLITE_CONSTRAINT_FOREIGNKEY",
        1043: "SQLITE_CONSTRAINT_FUNCTION", 1299: "SQLITE_CONSTRAINT_NOTNULL", 1555: "SQLITE_CONSTRAINT_PRIMARYKEY",
        1811: "SQLITE_CONSTRAINT_TRIGGER", 2067: "SQLITE_CONSTRAINT_UNIQUE", 2323: "SQLITE_CONSTRAINT_VTAB",
        2579: "SQLITE_CONSTRAINT_ROWID", 3091: "SQLITE_CONSTRAINT_DATATYPE", 264: "SQLITE_READONLY_RECOVERY",
        520: "SQLITE_READONLY_CANTLOCK", 776: "SQLITE_READONLY_ROLLBACK", 1032: "SQLITE_READONLY_DBMOVED",
        1288: "SQLITE_READONLY_CANTINIT", 1544: "SQLITE_READONLY_DIRECTORY", 261: "SQLITE_BUSY_RECOVERY",
        517: "SQLITE_BUSY_SNAPSHOT", 262: "SQLITE_LOCKED_SHAREDCACHE", 1038: "SQLITE_CANTOPEN_CONVPATH",
        257: "SQLITE_ERROR_MISSING_COLLSEQ", 513: "SQLITE_ERROR_RETRY", 769: "SQLITE_ERROR_SNAPSHOT",
    ]

    /// `SQLITE_CONSTRAINT_UNIQUE` for 2067, `SQLITE_ERROR` for 1.
    public static func name(_ code: Int32) -> String {
        if let name = extendedNames[code] { return name }
        if let name = primaryNames[code & 0xFF] { return name }
        return "SQLite result code \(code)"
    }
}

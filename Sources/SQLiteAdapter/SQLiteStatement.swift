import CSQLite3

/// A compiled statement: the only owner of its `sqlite3_stmt *`, finalized in `deinit`.
///
/// It holds its connection so that the database outlives every statement compiled on it.
final class SQLiteStatement {
    let handle: OpaquePointer
    private let connection: SQLiteConnection

    init(handle: OpaquePointer, connection: SQLiteConnection) {
        self.handle = handle
        self.connection = connection
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Steps to the end, handing each row to `row`; returns `SQLITE_DONE`, or the
    /// result code of the step that failed.
    func run(_ row: (OpaquePointer) -> Void) -> Int32 {
        while true {
            let rc = sqlite3_step(handle)
            guard rc == SQLITE_ROW else { return rc }
            row(handle)
        }
    }

    /// The current row, each value as text (numbers as SQLite prints them) or nil for NULL.
    static func row(_ stmt: OpaquePointer) -> [String?] {
        let count = sqlite3_column_count(stmt)
        var values: [String?] = []
        values.reserveCapacity(Int(count))
        for i in 0..<count {
            if sqlite3_column_type(stmt, i) == SQLITE_NULL {
                values.append(nil)
                continue
            }
            // column_text first, then column_bytes: the length of the text form.
            let text = sqlite3_column_text(stmt, i)
            let length = Int(sqlite3_column_bytes(stmt, i))
            if let text {
                values.append(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self))
            } else {
                values.append("")
            }
        }
        return values
    }

    /// What the compiled statement takes and returns.
    var info: PreparedStatementInfo {
        let columnCount = sqlite3_column_count(handle)
        var names: [String] = []
        var types: [String?] = []
        for i in 0..<columnCount {
            names.append(sqlite3_column_name(handle, i).map { String(cString: $0) } ?? "")
            types.append(sqlite3_column_decltype(handle, i).map { String(cString: $0) })
        }
        let parameterCount = sqlite3_bind_parameter_count(handle)
        var parameterNames: [String?] = []
        if parameterCount > 0 {
            for i in 1...parameterCount {
                parameterNames.append(sqlite3_bind_parameter_name(handle, i).map { String(cString: $0) })
            }
        }
        return PreparedStatementInfo(
            columnNames: names, declaredTypes: types, parameterCount: Int(parameterCount),
            parameterNames: parameterNames, isReadOnly: sqlite3_stmt_readonly(handle) != 0)
    }
}

/// What `sqlite3_prepare_v2` learned about a statement, without running it.
public struct PreparedStatementInfo: Hashable, Sendable {
    /// Result column names as SQLite derives them (the alias, else the expression text).
    public var columnNames: [String]
    /// The declared type of each result column that is a plain table column; nil otherwise.
    public var declaredTypes: [String?]
    /// The highest parameter index (`?`, `?NNN`, `:name`, `@name`, `$name`).
    public var parameterCount: Int
    /// Each parameter's name (`:id`, `?2`), nil for a bare `?`; index 0 is parameter 1.
    public var parameterNames: [String?]
    /// Whether running it would leave the database unchanged (`sqlite3_stmt_readonly`).
    public var isReadOnly: Bool

    public init(
        columnNames: [String], declaredTypes: [String?], parameterCount: Int, parameterNames: [String?],
        isReadOnly: Bool
    ) {
        self.columnNames = columnNames
        self.declaredTypes = declaredTypes
        self.parameterCount = parameterCount
        self.parameterNames = parameterNames
        self.isReadOnly = isReadOnly
    }
}

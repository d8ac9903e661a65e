/// An error the server reported for a statement, with its diagnostic fields.
public struct ServerError: Hashable, Sendable, CustomStringConvertible {
    /// The five-character SQLSTATE (`42P01`, `23505`, ...); `XX000` when the server sent none.
    public var sqlState: String
    /// `ERROR`, `FATAL` or `PANIC` (never localized).
    public var severity: String
    public var message: String
    public var detail: String?
    public var hint: String?
    /// Where in the statement text the error is: a 1-based character (Unicode scalar)
    /// offset, as the server counts (`PG_DIAG_STATEMENT_POSITION`).
    public var position: Int?
    /// For a multi-statement script (`PostgresConnection.execute`): how many
    /// statements completed before the one that failed, which is the 0-based
    /// index of the failing statement among those that reached the server.
    public var statementIndex: Int?

    public init(
        sqlState: String, severity: String = "ERROR", message: String, detail: String? = nil, hint: String? = nil,
        position: Int? = nil, statementIndex: Int? = nil
    ) {
        self.sqlState = sqlState
        self.severity = severity
        self.message = message
        self.detail = detail
        self.hint = hint
        self.position = position
        self.statementIndex = statementIndex
    }

    /// `position` as a 0-based UTF-8 byte offset into `sql`, the unit source spans use.
    public func utf8Offset(in sql: String) -> Int? {
        guard let position, position >= 1 else { return nil }
        var offset = 0
        for (i, scalar) in sql.unicodeScalars.enumerated() {
            if i == position - 1 { return offset }
            offset += String(scalar).utf8.count
        }
        return nil
    }

    public var description: String {
        var text = "\(message) (SQLSTATE \(sqlState))"
        if let position { text += " at character \(position)" }
        if let detail { text += "; \(detail)" }
        return text
    }
}

/// Everything that can go wrong talking to PostgreSQL, as typed values.
///
/// Messages never hold a password: connection strings are shown redacted
/// (`ConnectionURL.redacted`) and libpq's messages are scrubbed of the password.
public enum PostgresError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The connection could not be made; `url` is already redacted.
    case connectionFailed(url: String, message: String)
    /// The server refused a statement.
    case queryFailed(ServerError)
    /// libpq failed without a server error: a lost connection, out of memory, a protocol error.
    case clientFailed(message: String)
    /// The server answered with something the adapter cannot read (an unexpected
    /// NULL, a non-number where a number belongs, an unsupported version).
    case unexpectedResult(String)
    /// The connection is in a state that does not allow the operation.
    case invalidState(String)

    /// The server's error, when there is one.
    public var serverError: ServerError? {
        if case .queryFailed(let error) = self { return error }
        return nil
    }

    /// The SQLSTATE of a server error.
    public var sqlState: String? { serverError?.sqlState }

    public var description: String {
        switch self {
        case .connectionFailed(let url, let message):
            return "could not connect to \(url): \(message)"
        case .queryFailed(let error):
            return error.description
        case .clientFailed(let message):
            return "libpq: \(message)"
        case .unexpectedResult(let message):
            return "unexpected result from the server: \(message)"
        case .invalidState(let message):
            return message
        }
    }
}

import SQLSyntax

/// Which application version a query belongs to.
public enum QuerySide: String, Sendable, Hashable, Codable {
    /// The version serving traffic now.
    case blue
    /// The version being rolled out.
    case green
}

/// One application query, as read from a query file or a `pg_stat_statements` export.
public struct Query: Sendable, Hashable {
    /// The path as given on the command line (never made absolute).
    public var file: String
    /// 1-based line of the statement's first token, after leading comments; for an
    /// export, the line of the row that holds it.
    public var line: Int
    /// 1-based column of the first token (1 for exports).
    public var column: Int
    /// The sqlc annotation (`-- name: GetUser :one`), when there is one.
    public var name: String?
    /// The statement's text, without the `;`.
    public var sql: String
    /// The syntax tree; nil when the statement does not parse.
    public var statement: Statement?
    /// Why the statement does not parse.
    public var parseError: String?
    /// Where the statement is in the file (in `sql` itself for exports).
    public var span: SourceSpan
    /// The dialect the query was read with.
    public var dialect: Dialect

    public init(
        file: String, line: Int, column: Int, name: String? = nil, sql: String, statement: Statement?,
        parseError: String? = nil, span: SourceSpan, dialect: Dialect = .postgres
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.name = name
        self.sql = sql
        self.statement = statement
        self.parseError = parseError
        self.span = span
        self.dialect = dialect
    }
}

/// A query file or export that cannot be read: which file, where, and why.
public struct QuerySourceError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    /// 1-based line, when the problem is at one place in the file.
    public var line: Int?
    public var message: String

    public init(path: String, line: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(path):\(line): \(message)" }
        return "\(path): \(message)"
    }
}

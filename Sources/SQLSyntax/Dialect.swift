/// The SQL dialect being read, as capabilities rather than a name to compare.
///
/// Code asks `dialect.supportsDollarQuotes`, not `dialect.kind == .postgres`, so a
/// difference between engines lives here once.
public struct Dialect: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case postgres
        case sqlite
    }

    public var kind: Kind
    /// PostgreSQL major version (10 to 18); ignored for SQLite.
    public var postgresVersion: Int

    public init(kind: Kind, postgresVersion: Int = 15) {
        self.kind = kind
        self.postgresVersion = postgresVersion
    }

    public static let postgres = Dialect(kind: .postgres)
    public static let sqlite = Dialect(kind: .sqlite)

    /// `$tag$ ... $tag$` strings.
    public var supportsDollarQuotes: Bool { kind == .postgres }
    /// `[name]` and `` `name` `` quoted identifiers.
    public var supportsBracketIdentifiers: Bool { kind == .sqlite }
    /// `E'..'`, `B'..'`, `U&'..'` string prefixes.
    public var supportsPrefixedStrings: Bool { kind == .postgres }
    /// `$aaa` as a named parameter rather than a dollar quote or `$1`.
    public var dollarNamedParameters: Bool { kind == .sqlite }
    /// Nested `/* /* */ */` comments.
    public var nestedBlockComments: Bool { kind == .postgres }
    /// Backslash lines (`\connect`) as in pg_dump output.
    public var supportsPsqlMetaCommands: Bool { kind == .postgres }
    /// CREATE INDEX CONCURRENTLY and friends.
    public var supportsConcurrentIndex: Bool { kind == .postgres }
    /// SQLite's `INSERT` needs as many values as columns; PostgreSQL fills trailing defaults.
    public var insertRequiresFullArity: Bool { kind == .sqlite }

    // Table DDL (Parser+CreateTable.swift, Parser+Constraints.swift, Parser+Index.swift, Parser+Drop.swift).

    /// A column may be declared without a type (`CREATE TABLE t (a, b)`).
    public var columnTypeOptional: Bool { kind == .sqlite }
    /// Constraints take `ON CONFLICT resolution`, `AUTOINCREMENT`, and sort order on key columns.
    public var supportsConstraintConflictClause: Bool { kind == .sqlite }
    /// `WITHOUT ROWID` and `STRICT` after a table's definition, in place of PostgreSQL's
    /// `PARTITION BY`, `USING`, `WITH (...)`, `ON COMMIT` and `TABLESPACE` clauses.
    public var supportsWithoutRowid: Bool { kind == .sqlite }
    /// Index keys may be any expression without parentheses (`ON t (a + b)`).
    public var indexKeysTakeBareExpressions: Bool { kind == .sqlite }
    /// The index name may be schema-qualified (the table then may not be).
    public var qualifiedIndexNames: Bool { kind == .sqlite }
    /// Triggers, rules and policies are named `name ON table` (PostgreSQL); SQLite
    /// triggers are schema objects named on their own.
    public var triggersNamedOnTable: Bool { kind == .postgres }

    /// Whether `keyword` may stand as a bare column or table name.
    public func isReservedForColumnName(_ keyword: Keyword) -> Bool {
        switch kind {
        case .postgres:
            switch keyword.postgresCategory {
            case .reserved, .typeFunctionName: return true
            case .unreserved, .columnName, .none: return false
            }
        case .sqlite:
            return keyword.isSQLiteReserved
        }
    }
}

/// PostgreSQL's four keyword categories (`src/include/parser/kwlist.h`), plus
/// `none` for words only SQLite treats as keywords.
public enum KeywordCategory: UInt8, Sendable {
    case unreserved
    case columnName
    case typeFunctionName
    case reserved
    case none
}

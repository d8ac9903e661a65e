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

    // Schema rules replay follows (SchemaCatalog), each checked against the engine:
    // PostgreSQL's behaviour for `.postgres`, SQLite 3.40's for `.sqlite`.

    /// Longest identifier kept, in bytes (PostgreSQL truncates to NAMEDATALEN - 1);
    /// nil when names are kept whole (SQLite).
    public var maximumIdentifierLength: Int? { kind == .postgres ? 63 : nil }
    /// A FOREIGN KEY's target table, columns and unique key must exist when the
    /// constraint is created. SQLite checks them only when rows are written, so it
    /// accepts a reference to a table created later (or never).
    public var checksForeignKeyTargets: Bool { kind == .postgres }
    /// DROP TABLE and DROP VIEW refuse (2BP01) while views or other tables' foreign
    /// keys depend on the object, unless CASCADE. SQLite drops it and leaves the
    /// references dangling (a later table of that name satisfies them).
    public var restrictsDropOfReferencedObjects: Bool { kind == .postgres }
    /// `DEFAULT NULL` is stored as a default (SQLite's `dflt_value` 'NULL');
    /// PostgreSQL stores no default for a NULL constant.
    public var keepsNullDefaults: Bool { kind == .sqlite }
    /// The schema TEMP tables and views go to, searched before all others (SQLite's
    /// `temp`); nil when they stay in the creation schema (PostgreSQL's session
    /// schema is not modelled).
    public var temporarySchema: String? { kind == .sqlite ? "temp" : nil }
    /// Names with this prefix (any case) are the engine's own and may not be
    /// given to new tables, indexes, views or triggers (SQLite's `sqlite_`).
    public var reservedNamePrefix: String? { kind == .sqlite ? "sqlite_" : nil }
    /// Names match without regard to ASCII case (`"Users"` is found as `users`),
    /// and a new relation may not differ from an existing one only in case.
    public var namesIgnoreASCIICase: Bool { kind == .sqlite }
    /// A double-quoted name that matches no column is a string literal (SQLite's
    /// "DQS" fallback, on by default), so `CHECK (a IN ("x", "y"))` names only `a`.
    public var doubleQuotedNamesFallBackToStrings: Bool { kind == .sqlite }
    /// PRIMARY KEY makes its columns NOT NULL. SQLite marks them only for WITHOUT
    /// ROWID tables (and INTEGER PRIMARY KEY is the rowid, never NULL, yet reported
    /// nullable).
    public var primaryKeyImpliesNotNull: Bool { kind == .postgres }
    /// A column's type and default are kept as the text written (`VARCHAR (255)`,
    /// `unsigned big int`; a default's text without its parentheses; CREATE TABLE
    /// AS declares the source column's affinity), as SQLite's `table_info` shows
    /// them, rather than resolved as PostgreSQL does.
    public var keepsDeclaredText: Bool { kind == .sqlite }
    /// How the indexes behind PRIMARY KEY and UNIQUE constraints (and the
    /// constraints themselves) are named.
    public var implicitIndexNaming: ImplicitIndexNaming { kind == .sqlite ? .sqliteAutoindex : .postgres }
    /// SQLite's ALTER TABLE: ADD COLUMN refuses PRIMARY KEY and UNIQUE; DROP COLUMN
    /// refuses a PRIMARY KEY, UNIQUE, indexed or last column, or one that a view, a
    /// generated column, a table CHECK or a table FOREIGN KEY names; RENAME rewrites references in other
    /// tables, indexes and views; after RENAME and DROP COLUMN every view must
    /// still resolve; no other action exists (ADD CONSTRAINT, ALTER COLUMN, ...
    /// are syntax errors there).
    public var hasSQLiteAlterTable: Bool { kind == .sqlite }

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

/// How a dialect names the indexes (and constraints) it creates for PRIMARY KEY
/// and UNIQUE constraints that the DDL does not name.
public enum ImplicitIndexNaming: Hashable, Sendable {
    /// `<table>_pkey`, `<table>_<columns>_key`, made unique in the schema with a
    /// counter (`ChooseRelationName`); the constraint has the index's name.
    case postgres
    /// `sqlite_autoindex_<table>_<N>`, N counting the table's indexes in the order
    /// CREATE TABLE makes them; an INTEGER PRIMARY KEY is the rowid and has no
    /// index; a key with the columns of an earlier one makes none; RENAME TABLE
    /// renames them.
    case sqliteAutoindex
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

/// `CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] table
/// [USING method] (key, ...) [INCLUDE (...)] [NULLS [NOT] DISTINCT] [WITH (...)]
/// [TABLESPACE ts] [WHERE predicate]`.
///
/// PostgreSQL: https://www.postgresql.org/docs/current/sql-createindex.html
/// SQLite: https://www.sqlite.org/lang_createindex.html
public struct CreateIndexStatement: Hashable, Sendable {
    /// nil when PostgreSQL is left to choose the name.
    public var name: QualifiedName?
    public var unique: Bool
    public var concurrently: Bool
    public var ifNotExists: Bool
    public var table: QualifiedName
    /// `ON ONLY table`: a partitioned table's index is created invalid, without its partitions.
    public var only: Bool
    /// `USING method` (`btree` when absent).
    public var method: Identifier?
    public var keys: [IndexKey]
    /// `INCLUDE (col, ...)`: non-key columns.
    public var include: [Identifier]
    /// `NULLS NOT DISTINCT` (true) / `NULLS DISTINCT` (false); nil when not written.
    public var nullsNotDistinct: Bool?
    public var options: [OptionItem]
    public var tablespace: Identifier?
    /// `WHERE predicate` of a partial index.
    public var predicate: Expr?
    public var span: SourceSpan

    public init(
        name: QualifiedName?, unique: Bool = false, concurrently: Bool = false, ifNotExists: Bool = false,
        table: QualifiedName, only: Bool = false, method: Identifier? = nil, keys: [IndexKey],
        include: [Identifier] = [], nullsNotDistinct: Bool? = nil, options: [OptionItem] = [],
        tablespace: Identifier? = nil, predicate: Expr? = nil, span: SourceSpan
    ) {
        self.name = name
        self.unique = unique
        self.concurrently = concurrently
        self.ifNotExists = ifNotExists
        self.table = table
        self.only = only
        self.method = method
        self.keys = keys
        self.include = include
        self.nullsNotDistinct = nullsNotDistinct
        self.options = options
        self.tablespace = tablespace
        self.predicate = predicate
        self.span = span
    }

    public var kind: StatementKind { .createIndex }
    public var postgresNode: String { "IndexStmt" }
}

/// One key of an index, exclusion constraint or partition key: the element and the
/// parameters of its operator class (`gist_trgm_ops(siglen = 32)`).
public struct IndexKey: Hashable, Sendable {
    public var element: IndexElement
    public var opclassParameters: [OptionItem]

    public init(element: IndexElement, opclassParameters: [OptionItem] = []) {
        self.element = element
        self.opclassParameters = opclassParameters
    }
}

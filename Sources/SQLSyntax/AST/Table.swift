/// How long a table's rows live and whether they are WAL-logged.
public enum TablePersistence: String, Hashable, Sendable {
    case permanent
    /// `TEMP` / `TEMPORARY`: dropped at the end of the session.
    case temporary
    /// `UNLOGGED`: not WAL-logged, truncated after a crash.
    case unlogged
}

/// `CREATE [TEMP | UNLOGGED] TABLE [IF NOT EXISTS] name (...) ...`, the PostgreSQL
/// and SQLite forms alike, and `CREATE FOREIGN TABLE`.
///
/// PostgreSQL: https://www.postgresql.org/docs/current/sql-createtable.html
/// SQLite: https://www.sqlite.org/lang_createtable.html
public struct CreateTableStatement: Hashable, Sendable {
    public var name: QualifiedName
    public var ifNotExists: Bool
    public var persistence: TablePersistence
    /// Columns, table constraints and `LIKE` clauses, in the order written.
    public var elements: [TableElement]
    /// `OF type_name`: a typed table whose columns come from a composite type.
    public var ofType: QualifiedName?
    /// `PARTITION OF parent`: the table is a partition of `parent`.
    public var partitionOf: QualifiedName?
    /// `FOR VALUES ...` / `DEFAULT` of a partition.
    public var partitionBound: PartitionBound?
    /// `INHERITS (parent, ...)`.
    public var inherits: [QualifiedName]
    /// `PARTITION BY RANGE | LIST | HASH (...)`: the table is partitioned.
    public var partitionBy: PartitionSpec?
    /// `USING method`: the table access method.
    public var accessMethod: Identifier?
    /// `WITH (name = value, ...)`: storage parameters.
    public var options: [OptionItem]
    /// `WITHOUT OIDS` was written (accepted for compatibility, means nothing).
    public var withoutOids: Bool
    public var onCommit: OnCommitAction?
    public var tablespace: Identifier?
    /// `CREATE FOREIGN TABLE ... SERVER name`: set exactly for foreign tables.
    public var server: Identifier?
    /// `OPTIONS (name 'value', ...)` of a foreign table.
    public var foreignOptions: [OptionItem]
    /// SQLite `WITHOUT ROWID`.
    public var withoutRowid: Bool
    /// SQLite `STRICT`: declared types are enforced.
    public var strict: Bool
    public var span: SourceSpan

    public init(
        name: QualifiedName, ifNotExists: Bool = false, persistence: TablePersistence = .permanent,
        elements: [TableElement] = [], ofType: QualifiedName? = nil, partitionOf: QualifiedName? = nil,
        partitionBound: PartitionBound? = nil, inherits: [QualifiedName] = [], partitionBy: PartitionSpec? = nil,
        accessMethod: Identifier? = nil, options: [OptionItem] = [], withoutOids: Bool = false,
        onCommit: OnCommitAction? = nil, tablespace: Identifier? = nil, server: Identifier? = nil,
        foreignOptions: [OptionItem] = [], withoutRowid: Bool = false, strict: Bool = false, span: SourceSpan
    ) {
        self.name = name
        self.ifNotExists = ifNotExists
        self.persistence = persistence
        self.elements = elements
        self.ofType = ofType
        self.partitionOf = partitionOf
        self.partitionBound = partitionBound
        self.inherits = inherits
        self.partitionBy = partitionBy
        self.accessMethod = accessMethod
        self.options = options
        self.withoutOids = withoutOids
        self.onCommit = onCommit
        self.tablespace = tablespace
        self.server = server
        self.foreignOptions = foreignOptions
        self.withoutRowid = withoutRowid
        self.strict = strict
        self.span = span
    }

    /// Whether this is `CREATE FOREIGN TABLE`.
    public var isForeign: Bool { server != nil }
    /// The column definitions, in order.
    public var columns: [ColumnDefinition] {
        elements.compactMap { if case .column(let c) = $0 { return c } else { return nil } }
    }
    /// The table-level constraints, in order.
    public var constraints: [ConstraintDefinition] {
        elements.compactMap { if case .constraint(let c) = $0 { return c } else { return nil } }
    }

    public var kind: StatementKind { .createTable }
    public var postgresNode: String { isForeign ? "CreateForeignTableStmt" : "CreateStmt" }
}

/// One entry between the parentheses of `CREATE TABLE`.
public enum TableElement: Hashable, Sendable {
    case column(ColumnDefinition)
    case constraint(ConstraintDefinition)
    /// `LIKE source [INCLUDING | EXCLUDING ...]`.
    case like(TableLikeClause)
}

/// A column as declared in `CREATE TABLE` or `ALTER TABLE ADD COLUMN`.
public struct ColumnDefinition: Hashable, Sendable {
    public var name: Identifier
    /// nil for SQLite's typeless columns and for `PARTITION OF` / `OF type` column options.
    public var type: TypeName?
    /// `COLLATE name`, wherever it stands among the constraints.
    public var collation: QualifiedName?
    /// `STORAGE PLAIN | EXTERNAL | EXTENDED | MAIN | DEFAULT`, lower case.
    public var storage: String?
    /// `COMPRESSION method`, lower case.
    public var compression: String?
    /// `OPTIONS (...)` of a foreign-table column.
    public var foreignOptions: [OptionItem]
    /// Column constraints in the order written (NOT NULL, DEFAULT, CHECK, ...).
    public var constraints: [ConstraintDefinition]
    public var span: SourceSpan

    public init(
        name: Identifier, type: TypeName?, collation: QualifiedName? = nil, storage: String? = nil,
        compression: String? = nil, foreignOptions: [OptionItem] = [], constraints: [ConstraintDefinition] = [],
        span: SourceSpan
    ) {
        self.name = name
        self.type = type
        self.collation = collation
        self.storage = storage
        self.compression = compression
        self.foreignOptions = foreignOptions
        self.constraints = constraints
        self.span = span
    }

    /// Whether a `NOT NULL` or `PRIMARY KEY` constraint makes the column non-nullable.
    public var isNotNull: Bool {
        constraints.contains { c in
            switch c.kind {
            case .notNull, .primaryKey: return true
            default: return false
            }
        }
    }

    /// The `DEFAULT` expression, if one was declared.
    public var defaultValue: Expr? {
        for c in constraints { if case .default(let e) = c.kind { return e } }
        return nil
    }
}

/// `LIKE source [{INCLUDING | EXCLUDING} {COMMENTS | ... | ALL}] ...`.
public struct TableLikeClause: Hashable, Sendable {
    public enum Option: String, Hashable, Sendable {
        case comments, compression, constraints, defaults, generated, identity, indexes, statistics, storage, all
    }
    public var source: QualifiedName
    /// Each option with whether it was INCLUDING (true) or EXCLUDING (false), in order.
    public var options: [LikeOption]
    public var span: SourceSpan

    public init(source: QualifiedName, options: [LikeOption] = [], span: SourceSpan) {
        self.source = source
        self.options = options
        self.span = span
    }

    public struct LikeOption: Hashable, Sendable {
        public var option: Option
        public var including: Bool
        public init(option: Option, including: Bool) {
            self.option = option
            self.including = including
        }
    }
}

/// `PARTITION BY RANGE | LIST | HASH (key, ...)`.
public struct PartitionSpec: Hashable, Sendable {
    public enum Strategy: String, Hashable, Sendable { case range, list, hash }
    public var strategy: Strategy
    /// Partition keys: columns or expressions, with collation and operator class.
    public var keys: [IndexElement]
    public var span: SourceSpan

    public init(strategy: Strategy, keys: [IndexElement], span: SourceSpan) {
        self.strategy = strategy
        self.keys = keys
        self.span = span
    }
}

/// The bound of one partition: `FOR VALUES ...` or `DEFAULT`.
public enum PartitionBound: Hashable, Sendable {
    /// `FOR VALUES IN (v, ...)`.
    case list([Expr])
    /// `FOR VALUES FROM (...) TO (...)`.
    case range(from: [PartitionRangeDatum], to: [PartitionRangeDatum])
    /// `FOR VALUES WITH (MODULUS m, REMAINDER r)`.
    case hash(modulus: Int, remainder: Int)
    /// `DEFAULT`: the partition for rows no other partition takes.
    case `default`
}

/// One bound value of a range partition.
public enum PartitionRangeDatum: Hashable, Sendable {
    case minValue
    case maxValue
    case value(Expr)
}

/// `ON COMMIT PRESERVE ROWS | DELETE ROWS | DROP` of a temporary table.
public enum OnCommitAction: String, Hashable, Sendable {
    case preserveRows = "preserve_rows"
    case deleteRows = "delete_rows"
    case drop
}

/// `CREATE [TEMP | UNLOGGED] TABLE [IF NOT EXISTS] name [(col, ...)] [USING m]
/// [WITH (...)] [ON COMMIT ...] [TABLESPACE ts] AS query [WITH [NO] DATA]`.
///
/// PostgreSQL: https://www.postgresql.org/docs/current/sql-createtableas.html
public struct CreateTableAsStatement: Hashable, Sendable {
    public var name: QualifiedName
    public var ifNotExists: Bool
    public var persistence: TablePersistence
    /// Names for the output columns; empty means the query's own names.
    public var columns: [Identifier]
    public var accessMethod: Identifier?
    public var options: [OptionItem]
    public var onCommit: OnCommitAction?
    public var tablespace: Identifier?
    public var query: SelectStatement
    /// false for `WITH NO DATA`: the table is created empty.
    public var withData: Bool
    public var span: SourceSpan

    public init(
        name: QualifiedName, ifNotExists: Bool = false, persistence: TablePersistence = .permanent,
        columns: [Identifier] = [], accessMethod: Identifier? = nil, options: [OptionItem] = [],
        onCommit: OnCommitAction? = nil, tablespace: Identifier? = nil, query: SelectStatement,
        withData: Bool = true, span: SourceSpan
    ) {
        self.name = name
        self.ifNotExists = ifNotExists
        self.persistence = persistence
        self.columns = columns
        self.accessMethod = accessMethod
        self.options = options
        self.onCommit = onCommit
        self.tablespace = tablespace
        self.query = query
        self.withData = withData
        self.span = span
    }

    public var kind: StatementKind { .createTableAs }
    public var postgresNode: String { "CreateTableAsStmt" }
}

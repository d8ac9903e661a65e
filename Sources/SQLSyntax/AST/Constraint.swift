/// A column or table constraint, as PostgreSQL models both: `[CONSTRAINT name] kind
/// [DEFERRABLE ...] [NOT VALID] [NO INHERIT]`, plus SQLite's `ON CONFLICT` clause.
///
/// Column constraints leave the key columns empty (the column is implied);
/// table constraints list them.
public struct ConstraintDefinition: Hashable, Sendable {
    public var name: Identifier?
    public var kind: ConstraintKind
    /// `DEFERRABLE` (true) / `NOT DEFERRABLE` (false); nil when not written.
    public var deferrable: Bool?
    /// `INITIALLY DEFERRED` (true) / `INITIALLY IMMEDIATE` (false); nil when not written.
    public var initiallyDeferred: Bool?
    /// `NOT VALID`: existing rows are not checked now.
    public var notValid: Bool
    /// `NO INHERIT`: the constraint does not pass to child tables.
    public var noInherit: Bool
    /// `ENFORCED` (true) / `NOT ENFORCED` (false); nil when not written.
    public var enforced: Bool?
    /// SQLite `ON CONFLICT ROLLBACK | ABORT | FAIL | IGNORE | REPLACE`.
    public var onConflict: ConflictResolution?
    public var span: SourceSpan

    public init(
        name: Identifier? = nil, kind: ConstraintKind, deferrable: Bool? = nil, initiallyDeferred: Bool? = nil,
        notValid: Bool = false, noInherit: Bool = false, enforced: Bool? = nil, onConflict: ConflictResolution? = nil,
        span: SourceSpan
    ) {
        self.name = name
        self.kind = kind
        self.deferrable = deferrable
        self.initiallyDeferred = initiallyDeferred
        self.notValid = notValid
        self.noInherit = noInherit
        self.enforced = enforced
        self.onConflict = onConflict
        self.span = span
    }
}

public enum ConstraintKind: Hashable, Sendable {
    /// `NOT NULL`; a table constraint (PostgreSQL 18) names its column.
    case notNull(column: Identifier?)
    /// `NULL`: explicitly nullable.
    case null
    /// `DEFAULT expr`.
    case `default`(Expr)
    /// `CHECK (expr)`.
    case check(Expr)
    case unique(KeyConstraint)
    case primaryKey(KeyConstraint)
    case foreignKey(ForeignKeyConstraint)
    /// `EXCLUDE [USING method] (element WITH op, ...) ...`.
    case exclusion(ExclusionConstraint)
    /// `GENERATED ALWAYS AS (expr) STORED | VIRTUAL`; SQLite also `AS (expr)`.
    case generated(Expr, storage: GeneratedColumnStorage)
    /// `GENERATED ALWAYS | BY DEFAULT AS IDENTITY [(sequence options)]`.
    case identity(always: Bool, options: [SequenceOption])
}

/// Whether a generated column is computed on write (stored) or on read (virtual).
public enum GeneratedColumnStorage: String, Hashable, Sendable {
    case stored
    /// Also what an unmarked generated column is (PostgreSQL 18, SQLite).
    case virtual
}

/// `UNIQUE` / `PRIMARY KEY`, as a column or a table constraint.
public struct KeyConstraint: Hashable, Sendable {
    /// Key columns of a table constraint; empty for a column constraint or `USING INDEX`.
    public var columns: [Identifier]
    /// `WITHOUT OVERLAPS` on the last key column (PostgreSQL 18).
    public var withoutOverlaps: Bool
    /// `NULLS NOT DISTINCT` (true) / `NULLS DISTINCT` (false); nil when not written.
    public var nullsNotDistinct: Bool?
    /// `INCLUDE (col, ...)`.
    public var include: [Identifier]
    /// `WITH (...)` storage parameters of the index.
    public var options: [OptionItem]
    /// `USING INDEX TABLESPACE ts`.
    public var tablespace: Identifier?
    /// `USING INDEX existing_index`: adopt an index built beforehand.
    public var usingIndex: Identifier?
    /// SQLite `PRIMARY KEY DESC` on a column.
    public var descending: Bool?
    /// SQLite `AUTOINCREMENT`.
    public var autoincrement: Bool

    public init(
        columns: [Identifier] = [], withoutOverlaps: Bool = false, nullsNotDistinct: Bool? = nil,
        include: [Identifier] = [], options: [OptionItem] = [], tablespace: Identifier? = nil,
        usingIndex: Identifier? = nil, descending: Bool? = nil, autoincrement: Bool = false
    ) {
        self.columns = columns
        self.withoutOverlaps = withoutOverlaps
        self.nullsNotDistinct = nullsNotDistinct
        self.include = include
        self.options = options
        self.tablespace = tablespace
        self.usingIndex = usingIndex
        self.descending = descending
        self.autoincrement = autoincrement
    }
}

/// `[FOREIGN KEY (cols)] REFERENCES table [(cols)] [MATCH ...] [ON DELETE ...] [ON UPDATE ...]`.
public struct ForeignKeyConstraint: Hashable, Sendable {
    /// Referencing columns of a table constraint; empty for a column constraint.
    public var columns: [Identifier]
    public var referencedTable: QualifiedName
    /// Referenced columns; empty means the referenced table's primary key.
    public var referencedColumns: [Identifier]
    public var match: ForeignKeyMatch?
    public var onDelete: ReferentialAction?
    public var onUpdate: ReferentialAction?

    public init(
        columns: [Identifier] = [], referencedTable: QualifiedName, referencedColumns: [Identifier] = [],
        match: ForeignKeyMatch? = nil, onDelete: ReferentialAction? = nil, onUpdate: ReferentialAction? = nil
    ) {
        self.columns = columns
        self.referencedTable = referencedTable
        self.referencedColumns = referencedColumns
        self.match = match
        self.onDelete = onDelete
        self.onUpdate = onUpdate
    }
}

/// `MATCH FULL | PARTIAL | SIMPLE` (SQLite accepts any name and ignores it).
public enum ForeignKeyMatch: Hashable, Sendable {
    case full, partial, simple
    /// A name SQLite accepts but PostgreSQL does not.
    case other(String)
}

/// What a foreign key does when the referenced row is deleted or its key updated.
public enum ReferentialAction: Hashable, Sendable {
    case noAction
    case restrict
    case cascade
    /// `SET NULL [(cols)]`: an empty list means every referencing column.
    case setNull([Identifier])
    /// `SET DEFAULT [(cols)]`.
    case setDefault([Identifier])
}

/// `EXCLUDE [USING method] (element WITH op, ...) [INCLUDE ...] [WITH ...]
/// [USING INDEX TABLESPACE ...] [WHERE (predicate)]`.
public struct ExclusionConstraint: Hashable, Sendable {
    /// Index access method, `gist` when not written.
    public var method: Identifier?
    public var elements: [ExclusionElement]
    public var include: [Identifier]
    public var options: [OptionItem]
    public var tablespace: Identifier?
    public var predicate: Expr?

    public init(
        method: Identifier? = nil, elements: [ExclusionElement], include: [Identifier] = [],
        options: [OptionItem] = [], tablespace: Identifier? = nil, predicate: Expr? = nil
    ) {
        self.method = method
        self.elements = elements
        self.include = include
        self.options = options
        self.tablespace = tablespace
        self.predicate = predicate
    }
}

/// `element WITH operator` inside `EXCLUDE (...)`.
public struct ExclusionElement: Hashable, Sendable {
    public var key: IndexKey
    /// The operator as written: `=`, `&&`, or `OPERATOR(schema.op)` as `schema.op`.
    public var `operator`: String

    public init(key: IndexKey, operator: String) {
        self.key = key
        self.operator = `operator`
    }
}

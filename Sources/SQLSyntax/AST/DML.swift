/// SQLite's conflict resolution: `INSERT OR REPLACE`, `ON CONFLICT ABORT` in constraints.
public enum ConflictResolution: String, Hashable, Sendable {
    case rollback, abort, fail, ignore, replace
}

/// `INSERT INTO t [(cols)] {VALUES ... | SELECT ... | DEFAULT VALUES} [ON CONFLICT ...] [RETURNING ...]`.
public struct InsertStatement: Hashable, Sendable {
    public var with: WithClause?
    public var table: QualifiedName
    public var alias: Identifier?
    /// Target columns as written; empty means positional over all columns.
    public var columns: [InsertColumn]
    /// `OVERRIDING SYSTEM VALUE` / `OVERRIDING USER VALUE`.
    public var overriding: String?
    /// nil for `DEFAULT VALUES`.
    public var source: SelectStatement?
    public var onConflict: OnConflict?
    /// SQLite `INSERT OR REPLACE` / `REPLACE INTO`.
    public var orAction: ConflictResolution?
    public var returning: [SelectTarget]
    public var span: SourceSpan

    public init(
        with: WithClause? = nil, table: QualifiedName, alias: Identifier? = nil, columns: [InsertColumn] = [],
        overriding: String? = nil, source: SelectStatement?, onConflict: OnConflict? = nil,
        orAction: ConflictResolution? = nil, returning: [SelectTarget] = [], span: SourceSpan
    ) {
        self.with = with
        self.table = table
        self.alias = alias
        self.columns = columns
        self.overriding = overriding
        self.source = source
        self.onConflict = onConflict
        self.orAction = orAction
        self.returning = returning
        self.span = span
    }
}

/// A target column of INSERT or UPDATE SET, possibly with `[i]` or `.field`.
public struct InsertColumn: Hashable, Sendable {
    public var name: Identifier
    /// Subscripts or field names after the column, as written.
    public var indirection: [Identifier]
    public var hasSubscript: Bool
    public init(name: Identifier, indirection: [Identifier] = [], hasSubscript: Bool = false) {
        self.name = name
        self.indirection = indirection
        self.hasSubscript = hasSubscript
    }
}

/// `ON CONFLICT [target] DO NOTHING | DO UPDATE SET ... [WHERE ...]`.
public struct OnConflict: Hashable, Sendable {
    public enum Target: Hashable, Sendable {
        case none
        /// `(col | (expr) [COLLATE c] [opclass], ...) [WHERE predicate]`.
        case columns([IndexElement], predicate: Expr?)
        case constraint(Identifier)
    }
    public enum Action: Hashable, Sendable {
        case nothing
        case update([SetClause], where: Expr?)
    }
    public var target: Target
    public var action: Action
    public var span: SourceSpan
    public init(target: Target, action: Action, span: SourceSpan) {
        self.target = target
        self.action = action
        self.span = span
    }
}

/// An index key: a column or a parenthesized expression, with its options.
public struct IndexElement: Hashable, Sendable {
    public enum Key: Hashable, Sendable {
        case column(Identifier)
        case expression(Expr)
    }
    public var key: Key
    public var collation: QualifiedName?
    public var opclass: QualifiedName?
    public var descending: Bool?
    public var nullsFirst: Bool?
    public var span: SourceSpan
    public init(key: Key, collation: QualifiedName? = nil, opclass: QualifiedName? = nil, descending: Bool? = nil, nullsFirst: Bool? = nil, span: SourceSpan) {
        self.key = key
        self.collation = collation
        self.opclass = opclass
        self.descending = descending
        self.nullsFirst = nullsFirst
        self.span = span
    }
}

/// `col = expr` or `(a, b) = (expr, expr) | (SELECT ...)`.
public enum SetClause: Hashable, Sendable {
    case single(InsertColumn, Expr)
    case multiple([InsertColumn], Expr)
}

public struct UpdateStatement: Hashable, Sendable {
    public var with: WithClause?
    public var table: TableReference
    public var orAction: ConflictResolution?
    public var set: [SetClause]
    public var from: [FromItem]
    public var `where`: Expr?
    public var returning: [SelectTarget]
    public var span: SourceSpan
    public init(with: WithClause? = nil, table: TableReference, orAction: ConflictResolution? = nil, set: [SetClause], from: [FromItem] = [], where: Expr? = nil, returning: [SelectTarget] = [], span: SourceSpan) {
        self.with = with
        self.table = table
        self.orAction = orAction
        self.set = set
        self.from = from
        self.where = `where`
        self.returning = returning
        self.span = span
    }
}

public struct DeleteStatement: Hashable, Sendable {
    public var with: WithClause?
    public var table: TableReference
    public var using: [FromItem]
    public var `where`: Expr?
    public var returning: [SelectTarget]
    public var span: SourceSpan
    public init(with: WithClause? = nil, table: TableReference, using: [FromItem] = [], where: Expr? = nil, returning: [SelectTarget] = [], span: SourceSpan) {
        self.with = with
        self.table = table
        self.using = using
        self.where = `where`
        self.returning = returning
        self.span = span
    }
}

/// `MERGE INTO target USING source ON cond WHEN [NOT] MATCHED ... THEN ...`.
public struct MergeStatement: Hashable, Sendable {
    public var with: WithClause?
    public var target: TableReference
    public var source: FromItem
    public var on: Expr
    public var whens: [MergeWhen]
    public var returning: [SelectTarget]
    public var span: SourceSpan
    public init(with: WithClause? = nil, target: TableReference, source: FromItem, on: Expr, whens: [MergeWhen], returning: [SelectTarget] = [], span: SourceSpan) {
        self.with = with
        self.target = target
        self.source = source
        self.on = on
        self.whens = whens
        self.returning = returning
        self.span = span
    }
}

public struct MergeWhen: Hashable, Sendable {
    public enum Match: String, Hashable, Sendable { case matched, notMatchedBySource, notMatchedByTarget }
    public enum Action: Hashable, Sendable {
        case update([SetClause])
        case delete
        case insert(columns: [InsertColumn], values: [Expr]?, overriding: String?)
        case doNothing
    }
    public var match: Match
    public var condition: Expr?
    public var action: Action
    public init(match: Match, condition: Expr?, action: Action) {
        self.match = match
        self.condition = condition
        self.action = action
    }
}

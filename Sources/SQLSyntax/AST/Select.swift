/// A full query expression: `[WITH ...] body [ORDER BY] [LIMIT/OFFSET/FETCH] [FOR UPDATE ...]`.
public struct SelectStatement: Hashable, Sendable {
    public var with: WithClause?
    public var body: SetExpression
    public var orderBy: [OrderItem]
    public var limit: Expr?
    /// `LIMIT ALL` was written.
    public var limitAll: Bool
    public var offset: Expr?
    /// `FETCH FIRST n ROWS ONLY | WITH TIES` (`limit` holds n).
    public var fetchWithTies: Bool
    public var locking: [LockingClause]
    public var span: SourceSpan

    public init(
        with: WithClause? = nil, body: SetExpression, orderBy: [OrderItem] = [], limit: Expr? = nil,
        limitAll: Bool = false, offset: Expr? = nil, fetchWithTies: Bool = false,
        locking: [LockingClause] = [], span: SourceSpan
    ) {
        self.with = with
        self.body = body
        self.orderBy = orderBy
        self.limit = limit
        self.limitAll = limitAll
        self.offset = offset
        self.fetchWithTies = fetchWithTies
        self.locking = locking
        self.span = span
    }
}

/// The body of a query: a SELECT core, VALUES, a set operation, or a
/// parenthesized query.
public indirect enum SetExpression: Hashable, Sendable {
    case select(SelectCore)
    case values(ValuesList)
    case setOperation(SetOperator, all: Bool, left: SetExpression, right: SetExpression)
    case query(SelectStatement)
    /// `TABLE name`.
    case table(QualifiedName)
}

public enum SetOperator: String, Hashable, Sendable {
    case union, intersect, except
}

public struct ValuesList: Hashable, Sendable {
    public var rows: [[Expr]]
    public var span: SourceSpan
    public init(rows: [[Expr]], span: SourceSpan) {
        self.rows = rows
        self.span = span
    }
}

/// One `SELECT ... FROM ... WHERE ... GROUP BY ... HAVING ... WINDOW ...`.
public struct SelectCore: Hashable, Sendable {
    public enum Distinct: Hashable, Sendable {
        case all
        case distinct
        case distinctOn([Expr])
    }
    public var distinct: Distinct?
    public var targets: [SelectTarget]
    /// `SELECT ... INTO new_table`.
    public var into: QualifiedName?
    public var from: [FromItem]
    public var `where`: Expr?
    public var groupBy: [GroupingElement]
    /// `GROUP BY DISTINCT` / `ALL`.
    public var groupByDistinct: Bool
    public var having: Expr?
    public var windows: [NamedWindow]
    public var span: SourceSpan

    public init(
        distinct: Distinct? = nil, targets: [SelectTarget], into: QualifiedName? = nil, from: [FromItem] = [],
        where: Expr? = nil, groupBy: [GroupingElement] = [], groupByDistinct: Bool = false, having: Expr? = nil,
        windows: [NamedWindow] = [], span: SourceSpan
    ) {
        self.distinct = distinct
        self.targets = targets
        self.into = into
        self.from = from
        self.where = `where`
        self.groupBy = groupBy
        self.groupByDistinct = groupByDistinct
        self.having = having
        self.windows = windows
        self.span = span
    }
}

/// An output column: `expr [AS alias]`, or `*` / `t.*` as a `.star` expression.
public struct SelectTarget: Hashable, Sendable {
    public var expr: Expr
    public var alias: Identifier?
    public init(expr: Expr, alias: Identifier? = nil) {
        self.expr = expr
        self.alias = alias
    }
}

public struct NamedWindow: Hashable, Sendable {
    public var name: Identifier
    public var spec: WindowSpec
    public init(name: Identifier, spec: WindowSpec) {
        self.name = name
        self.spec = spec
    }
}

public indirect enum GroupingElement: Hashable, Sendable {
    case expr(Expr)
    /// `()`.
    case empty
    case rollup([[Expr]])
    case cube([[Expr]])
    case groupingSets([GroupingElement])
}

public struct WithClause: Hashable, Sendable {
    public var recursive: Bool
    public var ctes: [CommonTableExpression]
    public var span: SourceSpan
    public init(recursive: Bool, ctes: [CommonTableExpression], span: SourceSpan) {
        self.recursive = recursive
        self.ctes = ctes
        self.span = span
    }
}

public struct CommonTableExpression: Hashable, Sendable {
    public var name: Identifier
    public var columns: [Identifier]
    /// `AS MATERIALIZED` (true), `AS NOT MATERIALIZED` (false), or unspecified.
    public var materialized: Bool?
    public var query: QueryStatement
    public var span: SourceSpan
    public init(name: Identifier, columns: [Identifier], materialized: Bool?, query: QueryStatement, span: SourceSpan) {
        self.name = name
        self.columns = columns
        self.materialized = materialized
        self.query = query
        self.span = span
    }
}

/// A statement that yields rows and may stand in a CTE.
public indirect enum QueryStatement: Hashable, Sendable {
    case select(SelectStatement)
    case insert(InsertStatement)
    case update(UpdateStatement)
    case delete(DeleteStatement)
    case merge(MergeStatement)
}

public struct LockingClause: Hashable, Sendable {
    /// `UPDATE`, `NO KEY UPDATE`, `SHARE`, `KEY SHARE`.
    public var strength: String
    public var of: [QualifiedName]
    /// `NOWAIT` or `SKIP LOCKED`.
    public var waitPolicy: String?
    public init(strength: String, of: [QualifiedName], waitPolicy: String?) {
        self.strength = strength
        self.of = of
        self.waitPolicy = waitPolicy
    }
}

/// `AS alias (col, ...)`, or for record-returning functions `AS alias (col type, ...)`.
public struct TableAlias: Hashable, Sendable {
    public var name: Identifier?
    public var columns: [Identifier]
    /// Column definition list of a function returning `record`.
    public var columnTypes: [TypeName?]
    public init(name: Identifier?, columns: [Identifier] = [], columnTypes: [TypeName?] = []) {
        self.name = name
        self.columns = columns
        self.columnTypes = columnTypes
    }
}

/// An item in FROM (or UPDATE ... FROM / DELETE ... USING / MERGE ... USING).
public indirect enum FromItem: Hashable, Sendable {
    case table(TableReference)
    case subquery(SelectStatement, alias: TableAlias?, lateral: Bool, span: SourceSpan)
    case function(TableFunction)
    case join(Join)
    /// `(a JOIN b ON ...) AS x`.
    case parenthesized(FromItem, alias: TableAlias?, span: SourceSpan)

    public var span: SourceSpan {
        switch self {
        case .table(let t): return t.span
        case .subquery(_, _, _, let span): return span
        case .function(let f): return f.span
        case .join(let j): return j.span
        case .parenthesized(_, _, let span): return span
        }
    }
}

public struct TableReference: Hashable, Sendable {
    public var name: QualifiedName
    /// `ONLY t` (no inheritance children); `t *` is the default.
    public var only: Bool
    public var alias: TableAlias?
    /// `TABLESAMPLE method (args)`.
    public var sample: FunctionCall?
    /// SQLite `INDEXED BY name` / `NOT INDEXED`.
    public var indexedBy: Identifier?
    public var span: SourceSpan
    public init(name: QualifiedName, only: Bool = false, alias: TableAlias? = nil, sample: FunctionCall? = nil, indexedBy: Identifier? = nil, span: SourceSpan) {
        self.name = name
        self.only = only
        self.alias = alias
        self.sample = sample
        self.indexedBy = indexedBy
        self.span = span
    }
}

/// A function in FROM: `generate_series(1, 3) AS g(n)`, `ROWS FROM (...)`,
/// `unnest(...) WITH ORDINALITY`, `jsonb_to_recordset(x) AS r(a int, b text)`.
public struct TableFunction: Hashable, Sendable {
    public var calls: [FunctionCall]
    /// Column definition lists inside `ROWS FROM (f() AS (a int))`, one per call.
    public var rowsFrom: Bool
    public var withOrdinality: Bool
    public var lateral: Bool
    public var alias: TableAlias?
    public var span: SourceSpan
    public init(calls: [FunctionCall], rowsFrom: Bool = false, withOrdinality: Bool = false, lateral: Bool = false, alias: TableAlias? = nil, span: SourceSpan) {
        self.calls = calls
        self.rowsFrom = rowsFrom
        self.withOrdinality = withOrdinality
        self.lateral = lateral
        self.alias = alias
        self.span = span
    }
}

public struct Join: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case inner, left, right, full, cross }
    public enum Condition: Hashable, Sendable {
        case none
        case on(Expr)
        /// `USING (a, b) [AS alias]`.
        case using([Identifier], alias: Identifier?)
    }
    public var kind: Kind
    public var natural: Bool
    public var left: FromItem
    public var right: FromItem
    public var condition: Condition
    public var span: SourceSpan
    public init(kind: Kind, natural: Bool, left: FromItem, right: FromItem, condition: Condition, span: SourceSpan) {
        self.kind = kind
        self.natural = natural
        self.left = left
        self.right = right
        self.condition = condition
        self.span = span
    }
}

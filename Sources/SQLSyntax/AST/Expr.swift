/// An expression with its exact source span.
public struct Expr: Hashable, Sendable {
    public var kind: ExprKind
    public var span: SourceSpan

    public init(_ kind: ExprKind, span: SourceSpan) {
        self.kind = kind
        self.span = span
    }
}

/// Every expression form of PostgreSQL's `a_expr` / `c_expr` that matters for
/// analysis. Built-in functions and keyword functions (`COALESCE`, `EXTRACT`,
/// `CURRENT_TIMESTAMP`, ...) are `.function` calls with lower-case names.
public indirect enum ExprKind: Hashable, Sendable {
    /// `col`, `t.col`, `s.t.col`.
    case column(QualifiedName)
    /// `*` or `t.*` in a select list or function argument.
    case star(qualifier: QualifiedName?)
    case literal(Literal)
    case parameter(Parameter)
    /// A prefix operator: `-x`, `NOT x`, `~x`, `@x`.
    case unary(op: String, operand: Expr)
    /// An infix operator, including `AND`, `OR`, `=`, `||`, `->>`, `OPERATOR(s.op)`.
    case binary(op: String, left: Expr, right: Expr)
    /// `x IS [NOT] NULL | TRUE | FALSE | UNKNOWN | DOCUMENT | JSON ...`; also `ISNULL`/`NOTNULL`.
    case isTest(Expr, test: IsTest, negated: Bool)
    /// `a IS [NOT] DISTINCT FROM b`.
    case isDistinctFrom(Expr, Expr, negated: Bool)
    /// `x [NOT] BETWEEN [SYMMETRIC] a AND b`.
    case between(Expr, low: Expr, high: Expr, negated: Bool, symmetric: Bool)
    /// `x [NOT] LIKE | ILIKE | SIMILAR TO | GLOB | REGEXP | MATCH p [ESCAPE e]`.
    case like(Expr, pattern: Expr, escape: Expr?, kind: LikeKind, negated: Bool)
    /// `x [NOT] IN (a, b, ...)`.
    case inList(Expr, [Expr], negated: Bool)
    /// `x [NOT] IN (SELECT ...)`.
    case inSubquery(Expr, SelectStatement, negated: Bool)
    /// `x op ANY | SOME | ALL (SELECT ... | array)`.
    case quantified(Expr, op: String, quantifier: Quantifier, subquery: SelectStatement?, array: Expr?)
    /// `EXISTS (SELECT ...)`.
    case exists(SelectStatement)
    /// A scalar subquery `(SELECT ...)`.
    case subquery(SelectStatement)
    /// `ARRAY(SELECT ...)`.
    case arraySubquery(SelectStatement)
    /// `ARRAY[a, b]` (and nested `[...]` inside it).
    case array([Expr])
    /// `ROW(a, b)` or `(a, b)`.
    case row([Expr], explicit: Bool)
    /// `CAST(x AS t)`, `x::t`, SQLite `CAST`.
    case cast(Expr, TypeName)
    /// `interval '1 day'`, `date '2020-01-01'`: a string literal typed by a name.
    case typedLiteral(TypeName, String)
    case function(FunctionCall)
    /// `CASE [operand] WHEN ... THEN ... [ELSE ...] END`.
    case caseWhen(operand: Expr?, branches: [CaseBranch], otherwise: Expr?)
    /// `x[i]`, `x[a:b]`.
    case subscripted(Expr, [Subscript])
    /// `(x).field` or `(x).*`.
    case field(Expr, Identifier?)
    /// `x COLLATE "C"`.
    case collate(Expr, QualifiedName)
    /// `x AT TIME ZONE z`; `x AT LOCAL` has a nil zone.
    case atTimeZone(Expr, Expr?)
    /// `DEFAULT` as a value in `INSERT ... VALUES` or `UPDATE ... SET`.
    case defaultValue
    /// SQLite's `RAISE(ABORT, 'message')` inside triggers.
    case raise(String, message: Expr?)
    /// A placeholder for an expression that could not be read; parsing went on.
    case invalid
}

public enum IsTest: String, Hashable, Sendable {
    case null, `true`, `false`, unknown, document, json, normalized
}

public enum LikeKind: String, Hashable, Sendable {
    case like, ilike, similar, glob, regexp, match
}

public enum Quantifier: String, Hashable, Sendable {
    case any, some, all
}

public struct CaseBranch: Hashable, Sendable {
    public var condition: Expr
    public var result: Expr
    public init(condition: Expr, result: Expr) {
        self.condition = condition
        self.result = result
    }
}

public struct Subscript: Hashable, Sendable {
    /// `x[i]` has only `lower`; a slice `x[a:b]` has `isSlice` and either bound optional.
    public var lower: Expr?
    public var upper: Expr?
    public var isSlice: Bool
    public init(lower: Expr?, upper: Expr?, isSlice: Bool) {
        self.lower = lower
        self.upper = upper
        self.isSlice = isSlice
    }
}

public enum Literal: Hashable, Sendable {
    /// Kept as written so that big numbers lose nothing.
    case integer(String)
    case decimal(String)
    case string(String)
    case bitString(String)
    case hexString(String)
    case boolean(Bool)
    case null
}

/// A placeholder for a value supplied by the application.
public struct Parameter: Hashable, Sendable {
    public enum Style: String, Hashable, Sendable {
        /// `$1`
        case positional
        /// `?` or `?NNN`
        case question
        /// `:name`, `@name`, SQLite `$name`
        case named
        /// `sqlc.arg(name)`, `sqlc.narg(name)`, `sqlc.slice(name)`
        case sqlc
    }
    public var style: Style
    /// The number for `$1` / `?3`; nil otherwise.
    public var index: Int?
    /// The name for named and sqlc placeholders.
    public var name: String?
    /// `sqlc.narg`: the value may be NULL. `sqlc.slice`: a list.
    public var nullable: Bool
    public var isSlice: Bool

    public init(style: Style, index: Int? = nil, name: String? = nil, nullable: Bool = false, isSlice: Bool = false) {
        self.style = style
        self.index = index
        self.name = name
        self.nullable = nullable
        self.isSlice = isSlice
    }
}

public struct FunctionCall: Hashable, Sendable {
    public var name: QualifiedName
    public var arguments: [FunctionArgument]
    /// `count(*)`.
    public var star: Bool
    public var distinct: Bool
    /// `ORDER BY` inside an aggregate's parentheses.
    public var orderBy: [OrderItem]
    /// `WITHIN GROUP (ORDER BY ...)`.
    public var withinGroup: [OrderItem]
    public var filter: Expr?
    public var over: WindowSpec?

    public init(
        name: QualifiedName, arguments: [FunctionArgument] = [], star: Bool = false, distinct: Bool = false,
        orderBy: [OrderItem] = [], withinGroup: [OrderItem] = [], filter: Expr? = nil, over: WindowSpec? = nil
    ) {
        self.name = name
        self.arguments = arguments
        self.star = star
        self.distinct = distinct
        self.orderBy = orderBy
        self.withinGroup = withinGroup
        self.filter = filter
        self.over = over
    }
}

public struct FunctionArgument: Hashable, Sendable {
    /// `name => value` or `name := value`.
    public var name: Identifier?
    public var value: Expr
    public var variadic: Bool
    public init(name: Identifier? = nil, value: Expr, variadic: Bool = false) {
        self.name = name
        self.value = value
        self.variadic = variadic
    }
}

/// `OVER (...)` or `OVER name`, and the bodies of `WINDOW name AS (...)`.
public struct WindowSpec: Hashable, Sendable {
    /// `OVER w` or `OVER (w ORDER BY ...)`: the window it builds on.
    public var baseName: Identifier?
    public var partitionBy: [Expr]
    public var orderBy: [OrderItem]
    /// The frame clause as written (`ROWS BETWEEN ...`), with bound expressions.
    public var frame: WindowFrame?
    public var span: SourceSpan

    public init(baseName: Identifier? = nil, partitionBy: [Expr] = [], orderBy: [OrderItem] = [], frame: WindowFrame? = nil, span: SourceSpan = .zero) {
        self.baseName = baseName
        self.partitionBy = partitionBy
        self.orderBy = orderBy
        self.frame = frame
        self.span = span
    }
}

public struct WindowFrame: Hashable, Sendable {
    /// `ROWS`, `RANGE` or `GROUPS`.
    public var unit: String
    /// Offset expressions of `n PRECEDING` / `n FOLLOWING` bounds.
    public var offsets: [Expr]
    public init(unit: String, offsets: [Expr]) {
        self.unit = unit
        self.offsets = offsets
    }
}

public struct OrderItem: Hashable, Sendable {
    public enum Direction: String, Hashable, Sendable { case ascending, descending, using }
    public enum Nulls: String, Hashable, Sendable { case first, last }
    public var expr: Expr
    public var direction: Direction?
    /// The operator of `ORDER BY x USING <`.
    public var usingOperator: String?
    public var nulls: Nulls?
    public init(expr: Expr, direction: Direction? = nil, usingOperator: String? = nil, nulls: Nulls? = nil) {
        self.expr = expr
        self.direction = direction
        self.usingOperator = usingOperator
        self.nulls = nulls
    }
}

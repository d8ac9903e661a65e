import SQLSyntax
import SchemaCatalog

/// Why a query would fail on a schema, with the SQLSTATE the server raises.
public struct BindingProblem: Sendable, Hashable, CustomStringConvertible {
    /// PostgreSQL's five-character SQLSTATE (`42P01`, `42703`, `23502`, ...); SQLite
    /// failures carry the PostgreSQL code of the same failure.
    public var code: String
    public var message: String
    /// Where in the query's file the problem is, when known.
    public var span: SourceSpan?

    public init(code: String, message: String, span: SourceSpan? = nil) {
        self.code = code
        self.message = message
        self.span = span
    }

    public var description: String { "\(message) (SQLSTATE \(code))" }
}

/// What binding a query found: whether it works, and every schema object it depends on.
///
/// Dependencies are recorded up to the first problem, as the server stops there too.
public struct BindingResult: Sendable, Hashable {
    /// Empty when the query would work. Binding stops at the first failure, as the
    /// server does, so there is at most one problem of each query today.
    public var problems: [BindingProblem]
    public var ok: Bool { problems.isEmpty }
    /// Tables, views and sequences read or written.
    public var relations: Set<ObjectKey>
    /// Every table or view column the query depends on, including through `*`,
    /// whole-row references, USING/NATURAL joins and INSERT target lists.
    public var columns: Set<ColumnReference>
    /// Relations whose columns were expanded by `*` (or a whole-row reference,
    /// or a positional INSERT): their column lists shape the query's result.
    public var starRelations: Set<ObjectKey>
    /// User-defined functions called.
    public var functions: Set<ObjectKey>
    /// User-defined types named (casts, enum comparisons and assignments).
    public var types: Set<ObjectKey>
    /// INSERT, UPDATE, DELETE and MERGE targets.
    public var writes: Set<ObjectKey>
    /// Sequences used through `nextval('seq')` and friends, and defaults.
    public var sequences: Set<ObjectKey>
    /// Indexes and constraints an ON CONFLICT clause relies on, by index name.
    public var arbiters: Set<ObjectKey>
    /// Enum labels the query names as literals (compared, assigned or cast), so a
    /// renamed or dropped label, or a new one only green writes, can be traced.
    public var enumLabels: Set<EnumLabel>

    public init(
        problems: [BindingProblem] = [], relations: Set<ObjectKey> = [], columns: Set<ColumnReference> = [],
        starRelations: Set<ObjectKey> = [], functions: Set<ObjectKey> = [], types: Set<ObjectKey> = [],
        writes: Set<ObjectKey> = [], sequences: Set<ObjectKey> = [], arbiters: Set<ObjectKey> = [],
        enumLabels: Set<EnumLabel> = []
    ) {
        self.problems = problems
        self.relations = relations
        self.columns = columns
        self.starRelations = starRelations
        self.functions = functions
        self.types = types
        self.writes = writes
        self.sequences = sequences
        self.arbiters = arbiters
        self.enumLabels = enumLabels
    }

    /// The SQLSTATE of the first problem, or nil when the query works.
    public var code: String? { problems.first?.code }
}

/// An enum label as a query names it: the enum type and the label's text.
public struct EnumLabel: Sendable, Hashable, Comparable {
    public var type: ObjectKey
    public var label: String
    public init(type: ObjectKey, label: String) {
        self.type = type
        self.label = label
    }
    public static func < (lhs: EnumLabel, rhs: EnumLabel) -> Bool { (lhs.type, lhs.label) < (rhs.type, rhs.label) }
}

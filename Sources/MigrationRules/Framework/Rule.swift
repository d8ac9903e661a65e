import Diagnostics
import SQLSyntax
import SchemaCatalog

/// A check over a migration. One rule per file under `Rules/`; its metadata carries
/// the documentation and the examples that are its tests.
public protocol Rule: Sendable {
    static var metadata: RuleMetadata { get }
    init()
    /// Every finding of this rule in the migration.
    func check(_ context: RuleContext) -> [Finding]
}

/// A rule that looks at statements one at a time (most do).
public protocol StatementRule: Rule {
    /// Whether INSERT, UPDATE, DELETE, MERGE and COPY concern the rule. Most
    /// rules judge schema changes only; a history with backfills is mostly data
    /// statements, which such rules are then not shown.
    static var readsDataStatements: Bool { get }
    /// The forms of statement the rule judges, when it judges only some (its
    /// `check` returns nothing for the others): the engine then shows it those
    /// alone. Nil: every statement.
    static var shapes: Set<StatementShape>? { get }
    func check(_ statement: MigrationStatement, _ context: RuleContext) -> [Finding]
}

extension StatementRule {
    public static var readsDataStatements: Bool { true }
    public static var shapes: Set<StatementShape>? { nil }

    public func check(_ context: RuleContext) -> [Finding] {
        // By index, so each statement is borrowed from the array, not copied.
        let statements = context.analysis.statements
        var findings: [Finding] = []
        if let shapes = Self.shapes {
            for i in context.statements(shaped: shapes) { findings += check(statements[i], context) }
        } else if Self.readsDataStatements {
            for i in statements.indices { findings += check(statements[i], context) }
        } else {
            for i in context.schemaStatements { findings += check(statements[i], context) }
        }
        return findings
    }
}

/// The forms of schema statement a `StatementRule` can limit itself to: the
/// cases of `StatementNode` that rules single out.
public enum StatementShape: Hashable, Sendable, CaseIterable {
    case alterTable, alterType, alterDomain, alterObjectSchema, createDomain, createIndex, createTable, createType
    case drop, grant, maintenance, rename, transaction, truncate

    public init?(_ node: StatementNode?) {
        switch node {
        case .alterTable?: self = .alterTable
        case .alterType?: self = .alterType
        case .alterDomain?: self = .alterDomain
        case .alterObjectSchema?: self = .alterObjectSchema
        case .createDomain?: self = .createDomain
        case .createIndex?: self = .createIndex
        case .createTable?: self = .createTable
        case .createType?: self = .createType
        case .drop?: self = .drop
        case .grant?: self = .grant
        case .maintenance?: self = .maintenance
        case .rename?: self = .rename
        case .transaction?: self = .transaction
        case .truncate?: self = .truncate
        default: return nil
        }
    }
}

/// What rules ask of every schema statement, worked out once: by the analyzer
/// beside each statement's lock effects (on the thread that judges them, while
/// the history is replayed), or by `RuleContext` for a statement without.
struct RuleFacts: Sendable {
    var shape: StatementShape?
    /// The column types it writes (CREATE TABLE, ADD COLUMN, SET DATA TYPE).
    var columnTypes: [WrittenColumnType]
    /// The table an ALTER TABLE acts on, resolved in the catalog before it.
    var alteredTable: ObjectKey?

    init(_ statement: MigrationStatement, before: Catalog) {
        shape = StatementShape(statement.node)
        columnTypes = statement.writtenColumnTypes
        alteredTable = statement.alterTable.flatMap { before.table($0.name) }
    }
}

/// Another tool's name for the same check, for the mapping table.
public struct Equivalent: Sendable, Hashable {
    public enum Tool: String, Sendable, Hashable, CaseIterable {
        case squawk
        case strongMigrations = "strong_migrations"
        case atlas = "Atlas"
        case eugene = "Eugene"
    }
    public var tool: Tool
    public var id: String
    public init(_ tool: Tool, _ id: String) {
        self.tool = tool
        self.id = id
    }
}

/// A SQL example in a rule's documentation; it runs as a test.
public struct RuleExample: Sendable, Hashable {
    /// The migration.
    public var sql: String
    /// The schema before it (S0), if the example needs existing tables.
    public var baseline: String
    /// The PostgreSQL version it is judged at; nil for the default (15).
    public var postgresVersion: Int?
    /// Whether the file runs as one transaction (`--assume-in-transaction`).
    public var inTransaction: Bool
    public var dialect: Dialect.Kind

    public init(
        _ sql: String, baseline: String = "", postgresVersion: Int? = nil, inTransaction: Bool = false,
        dialect: Dialect.Kind = .postgres
    ) {
        self.sql = sql
        self.baseline = baseline
        self.postgresVersion = postgresVersion
        self.inTransaction = inTransaction
        self.dialect = dialect
    }
}

/// What a rule is, for users (docs, `switchgate explain`) and for the engine.
public struct RuleMetadata: Sendable {
    public enum Category: String, Sendable, Hashable, CaseIterable {
        /// Locks, rewrites and scans that stop traffic on a table with rows.
        case lock
        /// Blue or green breaks, or data is lost.
        case compatibility
        /// The statement would fail on the server, or the migration does not do what it says.
        case correctness
        /// Transaction blocks and timeouts.
        case transaction
        /// Schema design that hurts later migrations.
        case design
        case meta
    }

    /// Stable kebab-case id; never renamed (old names go to `aliases`).
    public var id: String
    public var title: String
    public var category: Category
    public var severity: Severity
    /// Off unless enabled in the configuration.
    public var optIn: Bool
    /// A lock hazard: exempt on tables created in this migration, downgraded to a
    /// warning on tables below the small-table threshold.
    public var lockHazard: Bool
    /// One sentence: what it finds.
    public var summary: String
    /// Why it matters.
    public var rationale: String
    /// What to do instead (the default `help` of its findings).
    public var safeAlternative: String
    public var dialects: [Dialect.Kind]
    /// PostgreSQL major versions it applies to.
    public var postgresVersions: ClosedRange<Int>
    public var bad: [RuleExample]
    public var good: [RuleExample]
    public var equivalents: [Equivalent]
    public var aliases: [String]

    public init(
        id: String, title: String, category: Category, severity: Severity, optIn: Bool = false,
        lockHazard: Bool = false, summary: String, rationale: String, safeAlternative: String,
        dialects: [Dialect.Kind] = [.postgres], postgresVersions: ClosedRange<Int> = 10...18,
        bad: [RuleExample], good: [RuleExample], equivalents: [Equivalent] = [], aliases: [String] = []
    ) {
        self.id = id
        self.title = title
        self.category = category
        self.severity = severity
        self.optIn = optIn
        self.lockHazard = lockHazard
        self.summary = summary
        self.rationale = rationale
        self.safeAlternative = safeAlternative
        self.dialects = dialects
        self.postgresVersions = postgresVersions
        self.bad = bad
        self.good = good
        self.equivalents = equivalents
        self.aliases = aliases
    }
}

/// One finding before the engine applies configuration, exemptions and suppressions.
public struct Finding: Sendable, Hashable {
    /// The statement it is about.
    public var statement: Int
    public var message: String
    /// Overrides the rule's safe alternative (for version-specific advice).
    public var help: String?
    /// Overrides the rule's default severity (before configuration).
    public var severity: Severity?
    /// A narrower span than the statement's.
    public var span: SourceSpan?
    /// The table the lock hazard is on (for the created-in-run exemption and table sizes).
    public var table: ObjectKey?
    public var notes: [String]

    public init(
        statement: Int, message: String, help: String? = nil, severity: Severity? = nil, span: SourceSpan? = nil,
        table: ObjectKey? = nil, notes: [String] = []
    ) {
        self.statement = statement
        self.message = message
        self.help = help
        self.severity = severity
        self.span = span
        self.table = table
        self.notes = notes
    }
}

/// What a rule sees: the analysis and the configuration.
public struct RuleContext: Sendable {
    public var analysis: MigrationAnalysis
    public var configuration: RuleConfiguration

    /// Indexes of the statements that are not data statements (`isData`).
    public let schemaStatements: [Int]
    /// The column types each statement writes, for the statements that write some
    /// (shared by the "prefer type X" rules).
    let columnTypes: [(statement: Int, types: [WrittenColumnType])]
    /// For each statement, the table an ALTER TABLE acts on (`alteredTable`), and
    /// the same when that table exists with rows (`existingAlteredTable`): a dozen
    /// rules ask one or the other of every statement.
    let alteredTables: [ObjectKey?]
    let existingAlteredTables: [ObjectKey?]
    /// The statements of each shape, in order (`StatementRule.shapes`).
    let statementsByShape: [StatementShape: [Int]]

    /// The statements of the given shapes, in order.
    func statements(shaped shapes: Set<StatementShape>) -> [Int] {
        if shapes.count == 1, let shape = shapes.first { return statementsByShape[shape] ?? [] }
        return shapes.flatMap { statementsByShape[$0] ?? [] }.sorted()
    }

    public init(analysis: MigrationAnalysis, configuration: RuleConfiguration) {
        self.analysis = analysis
        self.configuration = configuration
        var schemaStatements: [Int] = []
        var byShape: [StatementShape: [Int]] = [:]
        var columnTypes: [(statement: Int, types: [WrittenColumnType])] = []
        var altered = [ObjectKey?](repeating: nil, count: analysis.statements.count)
        var existing = altered
        for (i, s) in analysis.statements.enumerated() where !s.isData {
            schemaStatements.append(i)
            let facts = s.ruleFacts ?? RuleFacts(s, before: analysis.catalog(before: i))
            if let shape = facts.shape { byShape[shape, default: []].append(i) }
            if !facts.columnTypes.isEmpty { columnTypes.append((i, facts.columnTypes)) }
            guard let key = facts.alteredTable else { continue }
            altered[i] = key
            // The table is in the catalog before the statement (`RuleFacts` resolved it there).
            if !analysis.createdInRun.contains(key) { existing[i] = key }
        }
        self.schemaStatements = schemaStatements
        self.statementsByShape = byShape
        self.columnTypes = columnTypes
        self.alteredTables = altered
        self.existingAlteredTables = existing
    }

    public var postgresVersion: Int { analysis.dialect.postgresVersion }
    public var dialect: Dialect { analysis.dialect }

    /// The schema before statement `s`.
    public func catalog(before s: MigrationStatement) -> Catalog { analysis.catalog(before: s.index) }

    /// Whether `table` exists with rows: it is in the catalog before `s` and was not made by this migration.
    public func isExistingTable(_ table: ObjectKey?, before s: MigrationStatement) -> Bool {
        guard let table else { return false }
        return Self.isExisting(table, in: catalog(before: s), analysis)
    }

    static func isExisting(_ table: ObjectKey, in catalog: Catalog, _ analysis: MigrationAnalysis) -> Bool {
        !analysis.createdInRun.contains(table) && catalog.tables[table] != nil
    }

    /// The table a name resolves to before `s`.
    public func table(_ name: QualifiedName, before s: MigrationStatement) -> ObjectKey? {
        catalog(before: s).table(name)
    }
}

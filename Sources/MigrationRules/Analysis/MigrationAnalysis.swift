import Diagnostics
import SQLSyntax
import SchemaCatalog

/// One statement of the migration under review, with everything the rules and the
/// planner need to judge it: where it is, what it is, which transaction it runs in,
/// what it locks, and whether the server would accept it.
public struct MigrationStatement: Sendable {
    /// Position in `MigrationAnalysis.statements`.
    public var index: Int
    /// The file as the user named it.
    public var file: String
    /// 1-based line and column of the first token.
    public var line: Int
    public var column: Int
    /// First token to last token, the `;` excluded, in file offsets.
    public var span: SourceSpan
    public var sql: String
    /// The syntax tree; nil when the statement does not parse.
    public var statement: Statement?
    /// Stable snake_case kind (`alter_table`, `create_index`, `update`).
    public var kind: String
    /// UPDATE, INSERT, DELETE, MERGE or COPY: a backfill.
    public var isData: Bool
    /// The transaction it runs in (an explicit BEGIN ... COMMIT, or the file's implicit
    /// one); nil when it commits on its own.
    public var transaction: Int?
    /// What it locks, rewrites and scans, judged on the catalog just before it.
    public var effects: StatementEffects
    /// Replay refused it: the server would fail it. The analysis goes on without it.
    public var failure: CatalogError?
    /// The syntax error when it does not parse.
    public var syntaxError: String?
    /// The layout's hint for running a statement outside a transaction (for help texts).
    public var transactionOptOut: String?

    public init(
        index: Int, file: String, line: Int, column: Int, span: SourceSpan, sql: String, statement: Statement?,
        kind: String, isData: Bool, transaction: Int?, effects: StatementEffects = StatementEffects(),
        failure: CatalogError? = nil, syntaxError: String? = nil, transactionOptOut: String? = nil
    ) {
        self.index = index
        self.file = file
        self.line = line
        self.column = column
        self.span = span
        self.sql = sql
        self.statement = statement
        self.kind = kind
        self.isData = isData
        self.transaction = transaction
        self.effects = effects
        self.failure = failure
        self.syntaxError = syntaxError
        self.transactionOptOut = transactionOptOut
    }

    /// The syntax tree's node, when it parsed.
    public var node: StatementNode? { statement?.node }
}

/// How one transaction of the migration starts and ends.
public struct MigrationTransaction: Sendable, Hashable {
    public enum Origin: String, Sendable, Hashable {
        /// `BEGIN` ... `COMMIT` written in the file.
        case explicit
        /// The migration tool wraps the file (goose, dbmate, Flyway, ...).
        case perFile
        /// golang-migrate sends the file as one multi-statement query.
        case implicitMultiStatement
        /// `--assume-in-transaction`.
        case assumed
    }
    public var id: Int
    public var origin: Origin
    public var file: String
    /// Statement indexes, in order.
    public var statements: [Int]
    /// An explicit transaction whose file ends before COMMIT or ROLLBACK.
    public var unterminated: Bool
}

/// The migration under review, statement by statement, with the catalog before each.
public struct MigrationAnalysis: Sendable {
    public var dialect: Dialect
    public var baseline: Catalog
    public var statements: [MigrationStatement]
    /// `catalogs[i]` is the schema before statement `i`; `catalogs.last` after all.
    public var catalogs: [Catalog]
    public var sources: [String: SourceFile]
    /// Tables created by this migration: empty, so they carry no lock hazard.
    public var createdInRun: Set<ObjectKey>
    public var transactions: [MigrationTransaction]
    /// Suppression comments found in each file.
    public var suppressions: [String: FileSuppressions]
    /// The files in the order they were given.
    public var files: [String]

    public init(
        dialect: Dialect, baseline: Catalog, statements: [MigrationStatement] = [], catalogs: [Catalog]? = nil,
        sources: [String: SourceFile] = [:], createdInRun: Set<ObjectKey> = [], transactions: [MigrationTransaction] = [],
        suppressions: [String: FileSuppressions] = [:], files: [String] = []
    ) {
        self.dialect = dialect
        self.baseline = baseline
        self.statements = statements
        self.catalogs = catalogs ?? [baseline]
        self.sources = sources
        self.createdInRun = createdInRun
        self.transactions = transactions
        self.suppressions = suppressions
        self.files = files
    }

    /// The schema after every statement.
    public var final: Catalog { catalogs.last ?? baseline }

    /// The schema just before statement `i`.
    public func catalog(before i: Int) -> Catalog { catalogs.indices.contains(i) ? catalogs[i] : final }

    /// The schema just after statement `i`.
    public func catalog(after i: Int) -> Catalog { catalog(before: i + 1) }

    /// The transaction with this id.
    public func transaction(_ id: Int?) -> MigrationTransaction? {
        guard let id else { return nil }
        return transactions.first { $0.id == id }
    }

    /// Whether `table` existed before the migration and still holds its rows, so that
    /// locking it hurts (tables created in this run are empty).
    public func isExisting(_ table: ObjectKey) -> Bool { !createdInRun.contains(table) }
}

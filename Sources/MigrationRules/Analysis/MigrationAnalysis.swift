import Diagnostics
import SQLSyntax
import SchemaCatalog

/// One statement of the migration under review, with everything the rules and the
/// planner need to judge it: where it is, what it is, which transaction it runs in,
/// what it locks, and whether the server would accept it.
public struct MigrationStatement: Sendable {
    /// The fields live in one shared box: rules and the planner pass statements
    /// around by value thousands of times, and a copy is then one retain instead
    /// of one per field. Writes copy the box first when it is shared.
    private struct Fields {
        var index: Int
        var file: String
        var line: Int
        var column: Int
        var span: SourceSpan
        var sql: String
        var statement: Statement?
        var kind: String
        var isData: Bool
        var transaction: Int?
        var effects: StatementEffects
        var failure: CatalogError?
        var syntaxError: String?
        var transactionOptOut: String?
    }

    private final class Storage: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
        return storage
    }

    /// Position in `MigrationAnalysis.statements`.
    public var index: Int {
        get { storage.fields.index }
        set { unique().fields.index = newValue }
    }
    /// The file as the user named it.
    public var file: String {
        get { storage.fields.file }
        set { unique().fields.file = newValue }
    }
    /// 1-based line of the first token.
    public var line: Int {
        get { storage.fields.line }
        set { unique().fields.line = newValue }
    }
    /// 1-based column of the first token.
    public var column: Int {
        get { storage.fields.column }
        set { unique().fields.column = newValue }
    }
    /// First token to last token, the `;` excluded, in file offsets.
    public var span: SourceSpan {
        get { storage.fields.span }
        set { unique().fields.span = newValue }
    }
    /// The statement's text.
    public var sql: String {
        get { storage.fields.sql }
        set { unique().fields.sql = newValue }
    }
    /// The syntax tree; nil when the statement does not parse.
    public var statement: Statement? {
        get { storage.fields.statement }
        set { unique().fields.statement = newValue }
    }
    /// Stable snake_case kind (`alter_table`, `create_index`, `update`).
    public var kind: String {
        get { storage.fields.kind }
        set { unique().fields.kind = newValue }
    }
    /// UPDATE, INSERT, DELETE, MERGE or COPY: a backfill.
    public var isData: Bool {
        get { storage.fields.isData }
        set { unique().fields.isData = newValue }
    }
    /// The transaction it runs in (an explicit BEGIN ... COMMIT, or the file's implicit one); nil when it commits on its own.
    public var transaction: Int? {
        get { storage.fields.transaction }
        set { unique().fields.transaction = newValue }
    }
    /// What it locks, rewrites and scans, judged on the catalog just before it.
    public var effects: StatementEffects {
        get { storage.fields.effects }
        set { unique().fields.effects = newValue }
    }
    /// Replay refused it: the server would fail it. The analysis goes on without it.
    public var failure: CatalogError? {
        get { storage.fields.failure }
        set { unique().fields.failure = newValue }
    }
    /// The syntax error when it does not parse.
    public var syntaxError: String? {
        get { storage.fields.syntaxError }
        set { unique().fields.syntaxError = newValue }
    }
    /// The layout's hint for running a statement outside a transaction (for help texts).
    public var transactionOptOut: String? {
        get { storage.fields.transactionOptOut }
        set { unique().fields.transactionOptOut = newValue }
    }

    public init(
        index: Int, file: String, line: Int, column: Int, span: SourceSpan, sql: String, statement: Statement?,
        kind: String, isData: Bool, transaction: Int?, effects: StatementEffects = StatementEffects(),
        failure: CatalogError? = nil, syntaxError: String? = nil, transactionOptOut: String? = nil
    ) {
        storage = Storage(
            Fields(
                index: index, file: file, line: line, column: column, span: span, sql: sql, statement: statement,
                kind: kind, isData: isData, transaction: transaction, effects: effects, failure: failure,
                syntaxError: syntaxError, transactionOptOut: transactionOptOut))
    }

    /// The syntax tree's node, when it parsed.
    public var node: StatementNode? { storage.fields.statement?.node }
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
        // The analyzer numbers transactions from 1 in the order it appends them.
        if transactions.indices.contains(id - 1), transactions[id - 1].id == id { return transactions[id - 1] }
        return transactions.first { $0.id == id }
    }

    /// Whether `table` existed before the migration and still holds its rows, so that
    /// locking it hurts (tables created in this run are empty).
    public func isExisting(_ table: ObjectKey) -> Bool { !createdInRun.contains(table) }
}

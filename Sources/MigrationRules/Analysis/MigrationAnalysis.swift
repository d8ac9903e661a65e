import Diagnostics
import SQLSyntax
import SchemaCatalog

/// One statement of the migration under review, with everything the rules and the
/// planner need to judge it: where it is, what it is, which transaction it runs in,
/// what it locks, and whether the server would accept it.
public struct MigrationStatement: Sendable {
    /// The fields live in one copy-on-write box (`CopyOnWrite`): rules and the
    /// planner pass statements around by value thousands of times.
    private struct Fields: Sendable {
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
        var failure: CatalogError?
        var syntaxError: String?
        var transactionOptOut: String?
    }

    private var box: CopyOnWrite<Fields>

    /// What is worked out after the replay, on another thread (`MigrationAnalyzer`),
    /// in a box of its own: setting it on a statement that other holders share
    /// (the pieces of the history handed to the streams) makes one small box,
    /// not a copy of the statement. Nil until then (no locks, no facts).
    private struct Judgement: Sendable {
        var effects: StatementEffects
        /// What the rules ask of it, worked out beside its effects (`RuleFacts`).
        var ruleFacts: RuleFacts?
    }

    private var judgement: CopyOnWrite<Judgement>?

    private static let noEffects = StatementEffects()

    /// Position in `MigrationAnalysis.statements`.
    public var index: Int {
        get { box.fields.index }
        _modify { yield &box.fields.index }
    }
    /// The file as the user named it.
    public var file: String {
        get { box.fields.file }
        _modify { yield &box.fields.file }
    }
    /// 1-based line of the first token.
    public var line: Int {
        get { box.fields.line }
        _modify { yield &box.fields.line }
    }
    /// 1-based column of the first token.
    public var column: Int {
        get { box.fields.column }
        _modify { yield &box.fields.column }
    }
    /// First token to last token, the `;` excluded, in file offsets.
    public var span: SourceSpan {
        get { box.fields.span }
        _modify { yield &box.fields.span }
    }
    /// The statement's text.
    public var sql: String {
        get { box.fields.sql }
        _modify { yield &box.fields.sql }
    }
    /// The syntax tree; nil when the statement does not parse.
    public var statement: Statement? {
        get { box.fields.statement }
        _modify { yield &box.fields.statement }
    }
    /// Stable snake_case kind (`alter_table`, `create_index`, `update`).
    public var kind: String {
        get { box.fields.kind }
        _modify { yield &box.fields.kind }
    }
    /// UPDATE, INSERT, DELETE, MERGE or COPY: a backfill.
    public var isData: Bool {
        get { box.fields.isData }
        _modify { yield &box.fields.isData }
    }
    /// The transaction it runs in (an explicit BEGIN ... COMMIT, or the file's implicit one); nil when it commits on its own.
    public var transaction: Int? {
        get { box.fields.transaction }
        _modify { yield &box.fields.transaction }
    }
    /// What it locks, rewrites and scans, judged on the catalog just before it.
    public var effects: StatementEffects {
        // Read in place: rules ask for one field of it (`s.effects.scans`) of
        // thousands of statements, and a copy of the whole is a dozen counts.
        _read {
            if let judgement { yield judgement.fields.effects } else { yield Self.noEffects }
        }
    }
    /// Replay refused it: the server would fail it. The analysis goes on without it.
    public var failure: CatalogError? {
        get { box.fields.failure }
        _modify { yield &box.fields.failure }
    }
    /// The syntax error when it does not parse.
    public var syntaxError: String? {
        get { box.fields.syntaxError }
        _modify { yield &box.fields.syntaxError }
    }
    /// The layout's hint for running a statement outside a transaction (for help texts).
    public var transactionOptOut: String? {
        get { box.fields.transactionOptOut }
        _modify { yield &box.fields.transactionOptOut }
    }

    public init(
        index: Int, file: String, line: Int, column: Int, span: SourceSpan, sql: String, statement: Statement?,
        kind: String, isData: Bool, transaction: Int?, effects: StatementEffects = StatementEffects(),
        failure: CatalogError? = nil, syntaxError: String? = nil, transactionOptOut: String? = nil
    ) {
        box = CopyOnWrite(
            Fields(
                index: index, file: file, line: line, column: column, span: span, sql: sql, statement: statement,
                kind: kind, isData: isData, transaction: transaction, failure: failure, syntaxError: syntaxError,
                transactionOptOut: transactionOptOut))
        if effects != StatementEffects() { judgement = CopyOnWrite(Judgement(effects: effects, ruleFacts: nil)) }
    }

    /// The syntax tree's node, when it parsed.
    public var node: StatementNode? { box.fields.statement?.node }

    /// Set by the analyzer with the lock effects; `RuleContext` works them out
    /// itself for a statement without.
    var ruleFacts: RuleFacts? { judgement?.fields.ruleFacts }

    /// Sets the effects and the rules' facts at once (the analyzer, after the replay).
    mutating func judge(_ effects: StatementEffects, _ facts: RuleFacts?) {
        judgement = CopyOnWrite(Judgement(effects: effects, ruleFacts: facts))
    }
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

/// A stretch of the history as the replay makes it: statements from index
/// `first` (without lock effects yet), the catalog before each, and the one after
/// the last. Whole files: no transaction spans two pieces.
public struct HistoryPiece: Sendable {
    public var first: Int
    public var statements: [MigrationStatement]
    public var catalogs: [Catalog]
    public var after: Catalog
    public var sources: [String: SourceFile]

    /// Extends the analysis up to this piece's start to the piece's end.
    public func append(to analysis: inout MigrationAnalysis) {
        analysis.statements += statements
        analysis.catalogs.removeLast(analysis.catalogs.count - first)
        analysis.catalogs += catalogs
        analysis.catalogs.append(after)
        for (path, source) in sources { analysis.sources[path] = source }
    }
}


import Diagnostics
import MigrationLayout
import SQLParser
import SQLSyntax
import SchemaCatalog

/// Reads migration files into a `MigrationAnalysis`: statements in order, the
/// transaction each runs in (SPEC §3), the catalog before each, and each statement's
/// locks from the lock model.
///
/// The analyzer never stops: a statement that does not parse, or that the server would
/// refuse, is recorded as such and the catalog goes on without it.
public struct MigrationAnalyzer: Sendable {
    public var dialect: Dialect
    /// `--assume-in-transaction`: every file runs as one transaction.
    public var assumeInTransaction: Bool
    /// Whether migrations run with `TimeZone = 'UTC'` (timestamp ↔ timestamptz is then free from 12).
    public var sessionTimeZoneIsUTC: Bool

    public init(dialect: Dialect, assumeInTransaction: Bool = false, sessionTimeZoneIsUTC: Bool = false) {
        self.dialect = dialect
        self.assumeInTransaction = assumeInTransaction
        self.sessionTimeZoneIsUTC = sessionTimeZoneIsUTC
    }

    /// The whole analysis: `replay` with each statement's lock effects. The
    /// effects are worked out on another processor (replay is sequential and
    /// leaves it idle) in pieces of the history, each as soon as it is replayed.
    /// `feeding` is handed the same pieces, on the replay's thread, for other work
    /// that can follow the replay (the phase planner's walk), which it passes on
    /// to streams of its own. `besideEffects` is handed each piece on the thread
    /// that works out its effects, after them (the report's statement heads):
    /// for work short and independent enough to share that thread.
    public func analyze(
        files: [MigrationFile], baseline: Catalog, feeding: ((HistoryPiece) -> Void)? = nil,
        besideEffects: (@Sendable (HistoryPiece) -> Void)? = nil
    ) -> MigrationAnalysis {
        let source = FileSource(count: files.count) { .success(files[$0]) }
        // (Files already read cannot fail.)
        return (try? analyze(source, baseline: baseline, feeding: feeding, besideEffects: besideEffects))
            ?? start(baseline: baseline)
    }

    /// `analyze(files:)` on migrations not read yet: each is read on the thread
    /// that parses it, ahead of its replay, so reading overlaps with replaying
    /// the files before it. The first that cannot be read ends the analysis.
    public func analyze(
        pending: [PendingMigration], baseline: Catalog, feeding: ((HistoryPiece) -> Void)? = nil,
        besideEffects: (@Sendable (HistoryPiece) -> Void)? = nil
    ) throws(MigrationLayoutError) -> MigrationAnalysis {
        let source = FileSource(count: pending.count) { i in
            do throws(MigrationLayoutError) {
                return .success(try pending[i].read())
            } catch {
                return .failure(error)
            }
        }
        return try analyze(source, baseline: baseline, feeding: feeding, besideEffects: besideEffects)
    }

    /// The migrations to analyze, each read (or taken) on demand, on any thread.
    struct FileSource {
        var count: Int
        var file: (Int) -> Result<MigrationFile, MigrationLayoutError>
    }

    private func analyze(
        _ files: FileSource, baseline: Catalog, feeding: ((HistoryPiece) -> Void)?,
        besideEffects: (@Sendable (HistoryPiece) -> Void)?
    ) throws(MigrationLayoutError) -> MigrationAnalysis {
        let model = lockModel
        // Each piece has a memo of its own, so that the last pieces can be judged
        // side by side when the replay ends (`finish(helping:)`).
        let effects = Workers.Stream { (piece: HistoryPiece) in
            var memo = EffectsMemo()
            let judged = Self.effects(of: piece, model: model, memo: &memo)
            besideEffects?(piece)
            return judged
        }
        // A piece is a few files: big enough that handing it over costs nothing
        // next to judging it, small enough that the last one is quickly done.
        let pieceSize = 128
        var submitted = 0
        func submit(_ analysis: MigrationAnalysis) {
            let count = analysis.statements.count
            guard submitted < count else { return }
            // Copies of the piece: a slice would share the replay's arrays, and
            // its next append would copy them whole.
            let statements = Array(analysis.statements[submitted..<count])
            var sources: [String: SourceFile] = [:]
            // (A file's statements come one after another.)
            var file: String?
            for statement in statements where statement.file != file {
                file = statement.file
                sources[statement.file] = analysis.sources[statement.file]
            }
            let piece = HistoryPiece(
                first: submitted, statements: statements, catalogs: Array(analysis.catalogs[submitted..<count]),
                after: analysis.catalog(before: count), sources: sources)
            effects.submit(piece)
            feeding?(piece)
            submitted = count
        }
        let replayed = replay(files, baseline: baseline) { state, _ in
            if state.analysis.statements.count - submitted >= pieceSize { submit(state.analysis) }
        }
        var analysis: MigrationAnalysis
        switch replayed {
        case .success(let result): analysis = result
        case .failure(let error):
            // Every stream must reach its end; the caller stops here.
            _ = effects.finish(helping: true)
            throw error
        }
        submit(analysis)
        // This thread takes the pieces still waiting, from the last, beside the
        // stream's thread.
        for piece in effects.finish(helping: true) {
            for (i, effects, facts) in piece {
                analysis.statements[i].judge(effects, facts)
            }
        }
        return analysis
    }

    /// The analysis of no statement yet: what `analyze` and `replay` start from
    /// (the baseline follows the configured PostgreSQL version).
    public func start(baseline: Catalog) -> MigrationAnalysis {
        AnalyzerState(analyzer: self, baseline: baseline).analysis
    }

    /// The analysis without lock effects (statements, transactions and the
    /// catalog before each), calling `replayed` after each file with the state
    /// and the index of the file's first statement.
    /// A file that cannot be read ends the replay with its error.
    func replay(
        _ files: FileSource, baseline: Catalog, replayed: (AnalyzerState, Int) -> Void
    ) -> Result<MigrationAnalysis, MigrationLayoutError> {
        // Parsing needs no catalog: files are read and parsed ahead on other
        // threads while this one replays them in order. (Each file's line table
        // is built there too.)
        let parser = SQLParser(dialect: dialect)
        var state = AnalyzerState(analyzer: self, baseline: baseline)
        var failure: MigrationLayoutError?
        Workers.pipeline(files.count, { i in
            files.file(i).map { file in
                (file, parser.parse(Self.appliedBytes(of: file)), SourceFile(path: file.path, bytes: file.bytes))
            }
        }) { _, prepared in
            guard failure == nil else { return }
            switch prepared {
            case .success(let (file, parsed, source)):
                let first = state.analysis.statements.count
                state.add(file, parsed: parsed, source: source)
                replayed(state, first)
            case .failure(let error):
                failure = error
            }
        }
        if let failure { return .failure(failure) }
        return .success(state.analysis)
    }

    /// The locks, rewrites and scans of a piece's statements, each judged on the
    /// catalog just before it, by index in the analysis; and, for schema
    /// statements, what the rules will ask of them (`RuleFacts`).
    static func effects(
        of piece: HistoryPiece, model: LockModel, memo: inout EffectsMemo
    ) -> [(Int, StatementEffects, RuleFacts?)] {
        var out: [(Int, StatementEffects, RuleFacts?)] = []
        // A file's statements come one after another: its source is looked up once.
        var current: (file: String, source: ReplaySource)?
        for (k, statement) in piece.statements.enumerated() {
            guard let tree = statement.statement, k < piece.catalogs.count else { continue }
            let file = statement.file
            if current?.file != file {
                guard let found = piece.sources[file] else { continue }
                current = (file, ReplaySource(found))
            }
            guard let source = current?.source else { continue }
            let i = piece.first + k
            let catalog = piece.catalogs[k]
            let target = DataTarget(tree.node)
            if statement.isData, let target, let last = memo.last, last.target == target, last.catalog == catalog {
                out.append((i, last.effects, nil))
                continue
            }
            let effects = model.effects(of: tree, in: catalog, source: source)
            out.append((i, effects, statement.isData ? nil : RuleFacts(statement, before: catalog)))
            if let target { memo.last = (target, catalog, effects) }
        }
        return out
    }

    /// What consecutive statements' effects share (within a piece).
    struct EffectsMemo {
        /// A backfill in batches repeats one UPDATE or DELETE on one table: its
        /// effects depend on nothing else, so the last ones are reused.
        var last: (target: DataTarget, catalog: Catalog, effects: StatementEffects)?
    }

    /// The table an UPDATE without FROM or a DELETE without USING changes, as
    /// written: the lock model reads nothing else of such a statement.
    struct DataTarget: Equatable {
        var update: Bool
        var table: QualifiedName

        init?(_ node: StatementNode) {
            switch node {
            case .update(let u) where u.from.isEmpty:
                update = true
                table = u.table.name
            case .delete(let d) where d.using.isEmpty:
                update = false
                table = d.table.name
            default:
                return nil
            }
        }

        static func == (a: DataTarget, b: DataTarget) -> Bool {
            a.update == b.update && a.table.isSpelled(like: b.table)
        }
    }

    /// The file's bytes with what the migration tool does not apply (a down
    /// section, say) blanked out, line breaks kept so positions stay true.
    static func appliedBytes(of file: MigrationFile) -> [UInt8] {
        guard file.applied != 0..<file.bytes.count else { return file.bytes }
        return file.bytes.enumerated().map { file.applied.contains($0.offset) || $0.element == 10 ? $0.element : 32 }
    }

    /// Convenience for tests and single files: plain SQL texts, run statement by
    /// statement (or each as one transaction with `assumeInTransaction`).
    public func analyze(sql: [(path: String, text: String)], baseline: Catalog) -> MigrationAnalysis {
        let files = sql.map { item in
            MigrationFile(
                path: item.path, layout: .files, version: nil, name: item.path, transaction: .none,
                bytes: Array(item.text.utf8))
        }
        return analyze(files: files, baseline: baseline)
    }

    var lockModel: LockModel {
        var model = LockModel(dialect: dialect)
        model.sessionTimeZoneIsUTC = sessionTimeZoneIsUTC
        return model
    }
}

/// The walk over the files, one statement at a time.
struct AnalyzerState {
    let analyzer: MigrationAnalyzer
    var analysis: MigrationAnalysis
    var catalog: Catalog
    var nextTransaction = 1
    /// The files added so far (`analysis.files`, for lookups).
    var seenFiles: Set<String> = []

    init(analyzer: MigrationAnalyzer, baseline: Catalog) {
        self.analyzer = analyzer
        // Replay follows the configured version (subqueries without an alias from 16, ...).
        var base = baseline
        base.dialect.postgresVersion = analyzer.dialect.postgresVersion
        self.analysis = MigrationAnalysis(dialect: analyzer.dialect, baseline: base)
        self.catalog = base
    }

    /// `source` is the file's `SourceFile`.
    mutating func add(_ file: MigrationFile, parsed: ParsedFile, source: SourceFile) {
        analysis.sources[file.path] = source
        if seenFiles.insert(file.path).inserted { analysis.files.append(file.path) }
        let replaySource = ReplaySource(source)
        analysis.suppressions[file.path] = Suppressions.read(
            parsed.comments, statements: parsed.statements.map(\.span), source: source,
            firstIndex: analysis.statements.count)

        // The transaction the file's statements fall in when no explicit BEGIN says otherwise.
        let meaningful = parsed.statements.count
        var fileTransaction: (id: Int, origin: MigrationTransaction.Origin)?
        if analyzer.assumeInTransaction {
            fileTransaction = (newTransaction(.assumed, file.path), .assumed)
        } else {
            switch file.transaction {
            case .perFile: fileTransaction = (newTransaction(.perFile, file.path), .perFile)
            case .implicitMultiStatement where meaningful > 1:
                // A single statement sent alone runs outside any transaction block.
                fileTransaction = (newTransaction(.implicitMultiStatement, file.path), .implicitMultiStatement)
            default: break
            }
        }
        var current: Int? = fileTransaction?.id
        var explicit: Int?

        for parsedStatement in parsed.statements {
            let index = analysis.statements.count
            let location = source.location(of: parsedStatement.span.start)
            let node = parsedStatement.statement?.node
            var transaction = explicit ?? current
            var endsExplicit = false
            if case .transaction(let t) = node {
                switch t.action {
                case .begin:
                    if explicit == nil && fileTransaction?.origin != .perFile && fileTransaction?.origin != .assumed {
                        let id = newTransaction(.explicit, file.path)
                        explicit = id
                        transaction = id
                    }
                case .commit, .rollback, .prepare:
                    if explicit != nil {
                        endsExplicit = true
                    } else if fileTransaction?.origin == .implicitMultiStatement, current != nil {
                        // COMMIT ends golang-migrate's implicit transaction; later statements
                        // start a new one.
                        current = nil
                        fileTransaction = (newTransaction(.implicitMultiStatement, file.path), .implicitMultiStatement)
                        current = fileTransaction?.id
                    }
                default: break
                }
            }
            var statement = MigrationStatement(
                index: index, file: file.path, line: location.line, column: location.column, span: parsedStatement.span,
                sql: source.text(parsedStatement.span), statement: parsedStatement.statement,
                kind: parsedStatement.kind.rawValue, isData: Self.isData(node), transaction: transaction,
                syntaxError: parsedStatement.error?.message, transactionOptOut: file.layout.transactionOptOut)
            if let tree = parsedStatement.statement {
                var next = catalog
                do {
                    try next.apply(tree, from: replaySource)
                    trackCreated(tree.node, before: catalog, after: next)
                    catalog = next
                } catch {
                    statement.failure = error
                }
            }
            analysis.statements.append(statement)
            analysis.catalogs.append(catalog)
            if let id = transaction, let t = transactionIndex(id) {
                analysis.transactions[t].statements.append(index)
            }
            if endsExplicit { explicit = nil }
        }
        if let open = explicit, let t = transactionIndex(open) {
            analysis.transactions[t].unterminated = true
        }
    }

    /// Where transaction `id` is in `analysis.transactions`: ids are handed out in
    /// order from 1 as transactions are appended.
    func transactionIndex(_ id: Int) -> Int? {
        let i = id - 1
        if analysis.transactions.indices.contains(i), analysis.transactions[i].id == id { return i }
        return analysis.transactions.firstIndex { $0.id == id }
    }

    mutating func newTransaction(_ origin: MigrationTransaction.Origin, _ file: String) -> Int {
        let id = nextTransaction
        nextTransaction += 1
        analysis.transactions.append(
            MigrationTransaction(id: id, origin: origin, file: file, statements: [], unterminated: false))
        return id
    }

    /// Tables made by this statement are empty: remember them (and follow their renames).
    mutating func trackCreated(_ node: StatementNode, before: Catalog, after: Catalog) {
        // Only a statement that adds tables, or renames or moves a relation, makes a new key:
        // the set difference (linear in the tables) is not worth computing otherwise.
        // (Renaming a column or a constraint makes none.)
        switch node {
        case .rename(let r) where r.objectType != .column && r.objectType != .constraint: break
        case .alterObjectSchema: break
        default: guard after.tables.count > before.tables.count else { return }
        }
        // The hash trees share what did not change: the difference skips it.
        let made = Set(after.tables.keys.subtracting(before.tables.keys))
        guard !made.isEmpty else { return }
        switch node {
        case .rename(let r) where r.objectType == .table || r.objectType == .foreignTable:
            if let old = before.table(r.object.name), analysis.createdInRun.contains(old) {
                analysis.createdInRun.formUnion(made)
            }
        case .alterObjectSchema(let s) where s.objectType == .table:
            if let old = before.table(s.object.name), analysis.createdInRun.contains(old) {
                analysis.createdInRun.formUnion(made)
            }
        case .createTableAs(let s) where s.withData:
            // CREATE TABLE AS fills the table, but no other session sees it before commit;
            // it is as exempt as an empty one.
            analysis.createdInRun.formUnion(made)
        default:
            analysis.createdInRun.formUnion(made)
        }
    }

    static func isData(_ node: StatementNode?) -> Bool {
        switch node {
        case .insert, .update, .delete, .merge: return true
        case .copy(let c): return c.isFrom
        default: return false
        }
    }
}

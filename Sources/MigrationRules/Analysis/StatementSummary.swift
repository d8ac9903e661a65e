import Diagnostics
import SchemaCatalog

/// What `switchgate check` prints per statement (SPEC §5 `statements[]`): kind, locks,
/// rewrite and scan. Phase comes from the planner; findings from the engine.
public struct StatementSummary: Sendable, Hashable {
    public struct Lock: Sendable, Hashable {
        /// `schema.name`, or just `name` in `public`.
        public var relation: String
        /// `ACCESS EXCLUSIVE`, as the documentation spells it.
        public var mode: String
        public var kind: String
    }
    public var file: String
    public var line: Int
    public var column: Int
    public var sql: String
    public var kind: String
    public var locks: [Lock]
    /// Whether it rewrites an existing table.
    public var rewrite: Bool
    /// Whether it reads a whole existing table (validation, index build, rewrite).
    public var scan: Bool
    /// Whether it refuses to run inside a transaction block.
    public var nonTransactional: Bool
    public var notes: [String]
}

extension MigrationStatement {
    /// The statement as reports show it. Tables created by this migration count as
    /// neither rewritten nor scanned: they are empty.
    public func summary(in analysis: MigrationAnalysis) -> StatementSummary {
        let existing = { (t: ObjectKey) in !analysis.createdInRun.contains(t) }
        return StatementSummary(
            file: file, line: line, column: column, sql: sql, kind: kind,
            locks: effects.locks.map { .init(relation: display($0.relation), mode: $0.mode.description, kind: $0.kind.rawValue) },
            rewrite: effects.rewrites.contains(where: existing), scan: effects.scans.contains(where: existing),
            nonTransactional: statement != nil && !effects.mayRunInTransactionBlock, notes: effects.notes)
    }
}

extension MigrationAnalysis {
    /// The statement a diagnostic points into (by file and span), if any.
    public func statementIndex(of diagnostic: Diagnostic) -> Int? {
        statements.firstIndex { $0.file == diagnostic.file && $0.span.start <= diagnostic.span.start && diagnostic.span.end <= $0.span.end }
    }
}

import SQLSyntax

/// CREATE INDEX / REINDEX CONCURRENTLY on PostgreSQL 14.0 to 14.3.
struct ConcurrentIndexCorruption: StatementRule {
    static let metadata = RuleMetadata(
        id: "concurrent-index-corruption",
        title: "Concurrent index build on PostgreSQL 14",
        category: .correctness, severity: .warning,
        summary: "PostgreSQL 14.0 to 14.3 can silently corrupt indexes built or rebuilt CONCURRENTLY; 14.4 fixed it.",
        rationale: "The bug (fixed in 14.4) loses index entries for rows updated during the build, so queries return wrong results. switchgate knows only the major version.",
        safeAlternative: "Make sure the server runs 14.4 or later (then suppress this), or build the index without CONCURRENTLY in a maintenance window.",
        postgresVersions: 14...14,
        bad: [RuleExample("CREATE INDEX CONCURRENTLY users_email_idx ON users (email);", baseline: "CREATE TABLE users (email text);", postgresVersion: 14)],
        good: [RuleExample("CREATE INDEX CONCURRENTLY users_email_idx ON users (email);", baseline: "CREATE TABLE users (email text);", postgresVersion: 15)],
        equivalents: [Equivalent(.strongMigrations, "add_index_corruption")])

    static let readsDataStatements = false

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        switch s.node {
        case .createIndex(let i) where i.concurrently: break
        case .maintenance(let m) where m.command == .reindex && m.concurrently: break
        default: return []
        }
        return [context.finding(s, "concurrent index builds on PostgreSQL 14.0-14.3 can corrupt the index; make sure the server runs 14.4+")]
    }
}

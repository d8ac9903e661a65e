import SQLSyntax

/// CREATE/DROP without IF [NOT] EXISTS outside a transaction.
struct PreferRobustStatements: StatementRule {
    static let metadata = RuleMetadata(
        id: "prefer-robust-stmts",
        title: "Non-transactional statement that cannot be re-run",
        category: .design, severity: .info,
        summary: "Outside a transaction, a migration that fails half-way is re-run from the top; CREATE/DROP without IF [NOT] EXISTS then fail on what the first run already did.",
        rationale: "Statements that run outside a transaction (CONCURRENTLY builds, or files the tool does not wrap) are not rolled back on failure.",
        safeAlternative: "Use `CREATE ... IF NOT EXISTS` and `DROP ... IF EXISTS` (for indexes built concurrently, also drop a leftover INVALID index).",
        bad: [RuleExample("CREATE INDEX CONCURRENTLY users_email_idx ON users (email);", baseline: "CREATE TABLE users (email text);")],
        good: [RuleExample("CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email);", baseline: "CREATE TABLE users (email text);")],
        equivalents: [Equivalent(.squawk, "prefer-robust-stmts")])

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        // Only files with several statements and no transaction can be left half-applied.
        guard s.transaction == nil else { return [] }
        let robust: Bool
        switch s.node {
        case .createIndex(let i): robust = i.ifNotExists || !i.concurrently && !context.isExistingTable(context.table(i.table, before: s), before: s)
        case .drop(let d) where d.objectType == .index: robust = d.ifExists || !d.concurrently
        default: return []
        }
        guard !robust else { return [] }
        return [context.finding(s, "this statement runs outside a transaction; add IF [NOT] EXISTS so a re-run after a failure does not stop here")]
    }
}

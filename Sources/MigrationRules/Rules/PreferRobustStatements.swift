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
        // Inside a transaction a failure rolls everything back; a statement alone in its file
        // either ran or did not. What is left half-done is a CONCURRENTLY build (an INVALID
        // index) or an earlier statement of a file that runs statement by statement.
        guard s.transaction == nil else { return [] }
        let alone = Self.isAloneInFile(s, context.analysis.statements)
        let robust: Bool
        switch s.node {
        case .createIndex(let i): robust = i.ifNotExists || (!i.concurrently && alone)
        case .drop(let d) where d.objectType == .index: robust = d.ifExists || (!d.concurrently && alone)
        case .createTable(let t): robust = t.ifNotExists || alone
        case .drop(let d) where d.objectType == .table: robust = d.ifExists || alone
        default: return []
        }
        guard !robust else { return [] }
        return [context.finding(s, "this statement runs outside a transaction; add IF [NOT] EXISTS so a re-run after a failure does not stop here")]
    }

    /// No other statement of its file changes the schema. A file's statements are
    /// contiguous in the analysis, so only its neighbours are looked at.
    static func isAloneInFile(_ s: MigrationStatement, _ statements: [MigrationStatement]) -> Bool {
        var j = s.index - 1
        while j >= 0 && statements[j].file == s.file {
            if statements[j].node.map(changesSchema) == true { return false }
            j -= 1
        }
        j = s.index + 1
        while j < statements.count && statements[j].file == s.file {
            if statements[j].node.map(changesSchema) == true { return false }
            j += 1
        }
        return true
    }

    static func changesSchema(_ node: StatementNode) -> Bool {
        switch node {
        case .setVariable, .transaction, .select, .comment: return false
        default: return true
        }
    }
}

import SQLSyntax

/// BEGIN/COMMIT inside a transaction the tool (or another BEGIN) already opened.
struct TransactionNesting: StatementRule {
    static let metadata = RuleMetadata(
        id: "transaction-nesting",
        title: "BEGIN or COMMIT inside a transaction that is already open",
        category: .transaction, severity: .warning,
        summary: "BEGIN inside an open transaction is ignored with a warning; COMMIT inside a tool's per-file transaction ends it early.",
        rationale: """
            Migration tools that wrap each file in a transaction (goose, dbmate, Flyway, --assume-in-transaction) \
            already sent BEGIN. A second BEGIN does nothing; a COMMIT commits half the file and leaves the rest \
            outside any transaction, so a failure later leaves the schema half-migrated.
            """,
        safeAlternative: "Remove the BEGIN/COMMIT, or turn off the tool's transaction for this file and keep them.",
        dialects: [.postgres, .sqlite],
        bad: [RuleExample("BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;", inTransaction: true)],
        good: [RuleExample("BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;")],
        equivalents: [Equivalent(.squawk, "transaction-nesting")])

    static let shapes: Set<StatementShape>? = [.transaction]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard case .transaction(let t) = s.node, let transaction = context.analysis.transaction(s.transaction) else {
            return []
        }
        switch t.action {
        case .begin:
            if transaction.origin != .explicit {
                return [context.finding(s, "BEGIN inside the transaction the migration tool already opened: it does nothing")]
            }
            if transaction.statements.first != s.index {
                return [context.finding(s, "BEGIN inside a transaction that is already open: it does nothing")]
            }
        case .commit, .rollback:
            if transaction.origin == .perFile || transaction.origin == .assumed {
                return [context.finding(s, "\(t.action == .commit ? "COMMIT" : "ROLLBACK") ends the migration tool's transaction early: the rest of the file runs outside it")]
            }
        default: break
        }
        return []
    }
}

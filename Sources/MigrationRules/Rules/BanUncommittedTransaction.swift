import SQLSyntax

/// BEGIN without COMMIT.
struct BanUncommittedTransaction: Rule {
    static let metadata = RuleMetadata(
        id: "ban-uncommitted-transaction",
        title: "BEGIN without COMMIT",
        category: .transaction, severity: .error,
        summary: "A file opens a transaction with BEGIN and ends without COMMIT or ROLLBACK.",
        rationale: """
            The migration tool reports success, then the connection closes and PostgreSQL rolls the open \
            transaction back: the changes are silently lost, or later files run inside it unexpectedly.
            """,
        safeAlternative: "End the transaction with COMMIT in the same file.",
        dialects: [.postgres, .sqlite],
        bad: [RuleExample("BEGIN;\nCREATE TABLE t (id int);")],
        good: [RuleExample("BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;")],
        equivalents: [Equivalent(.squawk, "ban-uncommitted-transaction")])

    func check(_ context: RuleContext) -> [Finding] {
        context.analysis.transactions.filter(\.unterminated).compactMap { t in
            guard let first = t.statements.first else { return nil }
            return Finding(statement: first, message: "this transaction is never committed: the file ends before COMMIT")
        }
    }
}

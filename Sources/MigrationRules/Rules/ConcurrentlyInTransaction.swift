import SQLSyntax
import SchemaCatalog

/// A statement that refuses to run inside a transaction block, inside one.
struct ConcurrentlyInTransaction: StatementRule {
    static let metadata = RuleMetadata(
        id: "concurrently-in-transaction",
        title: "CONCURRENTLY (or VACUUM) inside a transaction block",
        category: .transaction, severity: .error,
        summary: "CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, DETACH PARTITION CONCURRENTLY, VACUUM and the like fail inside a transaction block.",
        rationale: """
            PostgreSQL refuses these statements in a transaction block ("cannot run inside a transaction block", \
            SQLSTATE 25001). The block may be an explicit BEGIN, the transaction a migration tool wraps around \
            each file (goose, dbmate, Flyway), or golang-migrate's multi-statement query.
            """,
        safeAlternative: "Put the statement in its own migration file that the tool runs outside a transaction.",
        bad: [
            RuleExample("""
                BEGIN;
                CREATE INDEX CONCURRENTLY orders_user_idx ON orders (user_id);
                COMMIT;
                """, baseline: "CREATE TABLE orders (user_id int);"),
            RuleExample(
                "CREATE INDEX CONCURRENTLY orders_user_idx ON orders (user_id);", baseline: "CREATE TABLE orders (user_id int);",
                inTransaction: true),
        ],
        good: [RuleExample("CREATE INDEX CONCURRENTLY orders_user_idx ON orders (user_id);", baseline: "CREATE TABLE orders (user_id int);")],
        equivalents: [
            Equivalent(.squawk, "ban-concurrent-index-creation-in-transaction"), Equivalent(.atlas, "PG103"),
        ])

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard s.statement != nil, !s.effects.mayRunInTransactionBlock,
            let transaction = context.analysis.transaction(s.transaction)
        else { return [] }
        let block: String
        switch transaction.origin {
        case .explicit: block = "the BEGIN ... COMMIT block of this file"
        case .perFile: block = "the transaction the migration tool wraps around this file"
        case .implicitMultiStatement: block = "the implicit transaction of the file's multi-statement query"
        case .assumed: block = "a transaction (--assume-in-transaction)"
        }
        let help = s.transactionOptOut.map { "Run it outside a transaction: \($0)." }
        return [context.finding(s, "\(s.kind.uppercased().replacing("_", with: " ")) cannot run inside a transaction block, and this one runs in \(block)", help: help)]
    }
}

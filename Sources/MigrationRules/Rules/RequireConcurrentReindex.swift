import SQLSyntax
import SchemaCatalog

/// REINDEX without CONCURRENTLY.
struct RequireConcurrentReindex: StatementRule {
    static let metadata = RuleMetadata(
        id: "require-concurrent-reindex",
        title: "Rebuilding an index without CONCURRENTLY",
        category: .lock, severity: .error, lockHazard: true,
        summary: "REINDEX without CONCURRENTLY blocks writes to the table and reads through the index for the whole rebuild.",
        rationale: """
            REINDEX holds SHARE on the table (no writes) and ACCESS EXCLUSIVE on each index (no query can use it) \
            while it rebuilds. REINDEX CONCURRENTLY (PostgreSQL 12+) builds a replacement beside the old index and \
            swaps them, under SHARE UPDATE EXCLUSIVE.
            """,
        safeAlternative: """
            `REINDEX ... CONCURRENTLY` outside a transaction block (PostgreSQL 12+); before 12, \
            `CREATE INDEX CONCURRENTLY` a copy and `DROP INDEX CONCURRENTLY` the old one.
            """,
        bad: [RuleExample("REINDEX INDEX orders_user_idx;", baseline: "CREATE TABLE orders (user_id int);\nCREATE INDEX orders_user_idx ON orders (user_id);")],
        good: [RuleExample("REINDEX INDEX CONCURRENTLY orders_user_idx;", baseline: "CREATE TABLE orders (user_id int);\nCREATE INDEX orders_user_idx ON orders (user_id);")],
        equivalents: [Equivalent(.squawk, "require-concurrent-reindex")])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.maintenance]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard case .maintenance(let m) = s.node, m.command == .reindex, !m.concurrently else { return [] }
        let tables = s.effects.locks.filter { $0.kind == .table && $0.mode.blocksWrites }.map(\.relation)
        let existing = tables.filter { context.isExistingTable($0, before: s) }
        let help = context.postgresVersion >= 12 ? nil : "REINDEX CONCURRENTLY needs PostgreSQL 12: build a new index with CREATE INDEX CONCURRENTLY and drop the old one with DROP INDEX CONCURRENTLY."
        if existing.isEmpty && tables.isEmpty {
            // REINDEX SCHEMA / DATABASE: every table in it.
            return [context.finding(s, "REINDEX without CONCURRENTLY blocks writes to every table it rebuilds", help: help)]
        }
        return existing.map { table in
            context.finding(
                s, "REINDEX blocks writes to \(display(table)) and reads through its indexes until the rebuild ends",
                table: table, help: help)
        }
    }
}

import SQLSyntax
import SchemaCatalog

/// DROP INDEX without CONCURRENTLY.
struct RequireConcurrentIndexDeletion: StatementRule {
    static let metadata = RuleMetadata(
        id: "require-concurrent-index-deletion",
        title: "Dropping an index without CONCURRENTLY",
        category: .lock, severity: .warning, lockHazard: true,
        summary: "DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the index's table.",
        rationale: """
            The drop itself is quick, but its ACCESS EXCLUSIVE request waits behind any long query on the table and \
            every later query queues behind it. DROP INDEX CONCURRENTLY waits for running transactions instead of \
            blocking new ones.
            """,
        safeAlternative: "`DROP INDEX CONCURRENTLY ...` outside a transaction block, with `SET lock_timeout`.",
        bad: [RuleExample("DROP INDEX orders_user_idx;", baseline: "CREATE TABLE orders (user_id int);\nCREATE INDEX orders_user_idx ON orders (user_id);")],
        good: [RuleExample("DROP INDEX CONCURRENTLY orders_user_idx;", baseline: "CREATE TABLE orders (user_id int);\nCREATE INDEX orders_user_idx ON orders (user_id);")],
        equivalents: [
            Equivalent(.squawk, "require-concurrent-index-deletion"), Equivalent(.strongMigrations, "remove_index"),
            Equivalent(.atlas, "PG102"),
        ])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.drop]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard case .drop(let d) = s.node, d.objectType == .index, !d.concurrently else { return [] }
        let catalog = context.catalog(before: s)
        var out: [Finding] = []
        for object in d.objects {
            guard let key = catalog.index(object.name), let table = catalog.indexes[key]?.table,
                context.isExistingTable(table, before: s)
            else { continue }
            out.append(context.finding(
                s, "dropping index \(display(key)) takes ACCESS EXCLUSIVE on \(display(table)): reads and writes queue behind it",
                table: table))
        }
        return out
    }
}

import SQLSyntax
import SchemaCatalog

/// CREATE INDEX without CONCURRENTLY on a table with rows.
struct RequireConcurrentIndexCreation: StatementRule {
    static let metadata = RuleMetadata(
        id: "require-concurrent-index-creation",
        title: "Creating an index without CONCURRENTLY",
        category: .lock, severity: .error, lockHazard: true,
        summary: "CREATE INDEX without CONCURRENTLY holds a SHARE lock that blocks every write for the whole build.",
        rationale: """
            A plain index build reads the whole table while holding SHARE, which conflicts with INSERT, UPDATE and \
            DELETE. CREATE INDEX CONCURRENTLY takes SHARE UPDATE EXCLUSIVE instead and lets writes through, at the \
            price of two scans and not running inside a transaction block. Tables created in the same migration are \
            empty and exempt.
            """,
        safeAlternative: """
            `CREATE INDEX CONCURRENTLY ...` outside a transaction block (a failed build leaves an INVALID index to drop \
            and retry).
            """,
        bad: [RuleExample("CREATE INDEX orders_user_idx ON orders (user_id);", baseline: "CREATE TABLE orders (id int, user_id int);")],
        good: [
            RuleExample("CREATE INDEX CONCURRENTLY orders_user_idx ON orders (user_id);", baseline: "CREATE TABLE orders (id int, user_id int);"),
            RuleExample("CREATE TABLE orders (id int, user_id int);\nCREATE INDEX orders_user_idx ON orders (user_id);"),
        ],
        equivalents: [
            Equivalent(.squawk, "require-concurrent-index-creation"), Equivalent(.strongMigrations, "add_index"),
            Equivalent(.strongMigrations, "add_reference"), Equivalent(.atlas, "PG101"), Equivalent(.eugene, "E6"),
        ])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.createIndex]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard case .createIndex(let index) = s.node, !index.concurrently,
            let table = context.table(index.table, before: s), context.isExistingTable(table, before: s),
            s.effects.mode(on: table)?.blocksWrites ?? true
        else { return [] }
        return [context.finding(
            s, "building this index blocks writes to \(display(table)) for the whole build (SHARE lock)", table: table)]
    }
}

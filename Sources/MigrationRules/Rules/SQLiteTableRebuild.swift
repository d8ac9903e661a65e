import SQLSyntax
import SchemaCatalog

/// SQLite table rebuilds: the 12-step create-copy-drop-rename procedure, DROP COLUMN, VACUUM.
struct SQLiteTableRebuild: StatementRule {
    static let metadata = RuleMetadata(
        id: "sqlite-table-rebuild",
        title: "SQLite table rebuild",
        category: .lock, severity: .warning, lockHazard: true,
        summary: "A SQLite migration rebuilds a table with rows (create a copy, copy the rows, drop, rename; or DROP COLUMN, or VACUUM) while holding the database write lock.",
        rationale: """
            SQLite has one write lock for the whole database: while the rows are copied, every other writer \
            waits (readers in WAL mode go on). The time grows with the table.
            """,
        safeAlternative: "Run the rebuild when writes can pause, keep the copy in one short transaction, or avoid the rebuild (ADD COLUMN and RENAME are in place).",
        dialects: [.sqlite],
        bad: [
            RuleExample("""
                CREATE TABLE users_new (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
                INSERT INTO users_new (id, name) SELECT id, name FROM users;
                DROP TABLE users;
                ALTER TABLE users_new RENAME TO users;
                """, baseline: "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);", dialect: .sqlite),
            RuleExample("ALTER TABLE users DROP COLUMN name;", baseline: "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);", dialect: .sqlite),
        ],
        good: [
            RuleExample("ALTER TABLE users ADD COLUMN email TEXT;", baseline: "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);", dialect: .sqlite)
        ])

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        let base = context.analysis.baseline
        switch s.node {
        case .rename(let r) where r.objectType == .table:
            // The last step of the 12-step procedure: a new table takes the name of a dropped one.
            let before = context.catalog(before: s)
            guard let from = before.table(r.object.name), context.analysis.createdInRun.contains(from) else { return [] }
            let target = ObjectKey(from.schema, r.newName.value)
            guard base.tables[target] != nil, before.tables[target] == nil else { return [] }
            return [context.finding(s, "this completes a rebuild of \(display(target)): its rows were copied while the database write lock was held")]
        default:
            let tables = s.effects.rewrites.filter { context.isExistingTable($0, before: s) }.sorted()
            return tables.map { table in
                context.finding(s, "rewrites \(display(table)) while holding the database write lock: other writers wait", table: table)
            }
        }
    }
}

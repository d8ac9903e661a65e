import SQLSyntax
import SchemaCatalog

/// UPDATE or DELETE of every row of a table with rows, in one statement.
struct UnbatchedBackfill: StatementRule {
    static let metadata = RuleMetadata(
        id: "unbatched-backfill",
        title: "Unbatched backfill",
        category: .lock, severity: .warning, lockHazard: true,
        summary: "An UPDATE or DELETE without WHERE (or a MERGE) touches every row of an existing table in one transaction.",
        rationale: """
            One statement over the whole table locks every row it changes until it commits, bloats the table and \
            its WAL, and — inside a migration's transaction — keeps the DDL locks taken before it. Concurrent \
            writes to those rows wait.
            """,
        safeAlternative: """
            Backfill in batches of a few thousand rows by key range (`UPDATE ... WHERE id BETWEEN $1 AND $2`), each \
            batch its own transaction, outside the DDL transaction; throttle between batches.
            """,
        dialects: [.postgres, .sqlite],
        bad: [RuleExample("UPDATE users SET plan = 'free';", baseline: "CREATE TABLE users (id int, plan text);")],
        good: [RuleExample("UPDATE users SET plan = 'free' WHERE id BETWEEN 1 AND 10000;", baseline: "CREATE TABLE users (id int, plan text);")],
        equivalents: [Equivalent(.strongMigrations, "backfill")])

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        let name: QualifiedName
        let verb: String
        switch s.node {
        case .update(let u) where u.where == nil:
            name = u.table.name
            verb = "UPDATE"
        case .delete(let d) where d.where == nil:
            name = d.table.name
            verb = "DELETE"
        case .merge(let m):
            name = m.target.name
            verb = "MERGE"
        default: return []
        }
        guard let table = context.table(name, before: s), context.isExistingTable(table, before: s) else { return [] }
        return [context.finding(s, "\(verb) over every row of \(display(table)) in one statement: rows stay locked until it commits", table: table)]
    }
}

import SQLSyntax
import SchemaCatalog

/// RENAME TABLE, unless the same transaction leaves a view under the old name.
struct RenamingTable: StatementRule {
    static let metadata = RuleMetadata(
        id: "renaming-table",
        title: "Renaming a table",
        category: .compatibility, severity: .warning,
        summary: "ALTER TABLE ... RENAME TO breaks every query of the running application that uses the old name.",
        rationale: """
            Blue keeps using the old name while green uses the new one. A view under the old name, created in the \
            same transaction, keeps simple reads and writes of blue working (updatable views).
            """,
        safeAlternative: "Rename and `CREATE VIEW old_name AS SELECT * FROM new_name` in the same transaction; drop the view in the contract phase.",
        dialects: [.postgres, .sqlite],
        bad: [RuleExample("ALTER TABLE users RENAME TO accounts;", baseline: "CREATE TABLE users (id int);")],
        good: [
            RuleExample("""
                BEGIN;
                ALTER TABLE users RENAME TO accounts;
                CREATE VIEW users AS SELECT * FROM accounts;
                COMMIT;
                """, baseline: "CREATE TABLE users (id int);")
        ],
        equivalents: [
            Equivalent(.squawk, "renaming-table"), Equivalent(.strongMigrations, "rename_table"), Equivalent(.atlas, "BC101"),
        ])

    static let shapes: Set<StatementShape>? = [.rename]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard case .rename(let r) = s.node, r.objectType == .table,
            let table = context.table(r.object.name, before: s), !context.analysis.createdInRun.contains(table)
        else { return [] }
        if let t = context.analysis.transaction(s.transaction) {
            for later in t.statements where later > s.index {
                if context.analysis.catalog(after: later).views[table] != nil { return [] }
            }
        }
        return [context.finding(s, "renaming \(display(table)) to \(r.newName.value) breaks blue's queries that use the old name")]
    }
}

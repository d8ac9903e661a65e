import SQLSyntax
import SchemaCatalog

/// RENAME COLUMN.
struct RenamingColumn: StatementRule {
    static let metadata = RuleMetadata(
        id: "renaming-column",
        title: "Renaming a column",
        category: .compatibility, severity: .warning,
        summary: "RENAME COLUMN breaks every query of the running application that uses the old name.",
        rationale: """
            Blue keeps using the old name until it is retired, and green needs the new one: no single schema \
            serves both, so a rename is a breaking change unless it is split into steps.
            """,
        safeAlternative: """
            Add the new column, keep both in sync with a trigger, backfill, switch reads and writes to the new \
            column (deploy), then drop the old column in the contract phase.
            """,
        dialects: [.postgres, .sqlite],
        bad: [RuleExample("ALTER TABLE users RENAME COLUMN name TO full_name;", baseline: "CREATE TABLE users (name text);")],
        good: [RuleExample("ALTER TABLE users ADD COLUMN full_name text;", baseline: "CREATE TABLE users (name text);")],
        equivalents: [
            Equivalent(.squawk, "renaming-column"), Equivalent(.strongMigrations, "rename_column"), Equivalent(.atlas, "BC102"),
        ])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.rename]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard case .rename(let r) = s.node, r.objectType == .column, let owner = r.object.table,
            let table = context.table(owner, before: s), !context.analysis.createdInRun.contains(table),
            context.analysis.baseline.tables[table]?.column(r.object.name.name) != nil
        else { return [] }
        return [context.finding(s, "renaming \(display(table)).\(r.object.name.name) to \(r.newName.value) breaks blue's queries that use the old name")]
    }
}

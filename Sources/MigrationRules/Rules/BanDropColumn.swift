import SQLSyntax
import SchemaCatalog

/// DROP COLUMN of a column blue may use.
struct BanDropColumn: StatementRule {
    static let metadata = RuleMetadata(
        id: "ban-drop-column",
        title: "Dropping a column",
        category: .compatibility, severity: .warning,
        summary: "DROP COLUMN removes data and breaks every query of the running application that names the column (or relies on SELECT *).",
        rationale: """
            Blue keeps running while the migration is applied; its queries that read or write the column fail \
            at once, and a rollback to blue is no longer possible. The drop belongs to the contract phase, after \
            blue is retired and green no longer uses the column.
            """,
        safeAlternative: "Stop using the column in the application first (deploy), then drop it in a later, contract-phase migration.",
        dialects: [.postgres, .sqlite],
        bad: [RuleExample("ALTER TABLE users DROP COLUMN legacy;", baseline: "CREATE TABLE users (id int, legacy text);")],
        good: [RuleExample("ALTER TABLE users ADD COLUMN legacy text;\nALTER TABLE users DROP COLUMN legacy;", baseline: "CREATE TABLE users (id int);")],
        equivalents: [
            Equivalent(.squawk, "ban-drop-column"), Equivalent(.strongMigrations, "remove_column"),
            Equivalent(.atlas, "DS103"),
        ])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.alterTable]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard let a = s.alterTable, let table = context.alteredTable(a, s) else { return [] }
        let baseline = context.analysis.baseline.tables[table]
        var out: [Finding] = []
        for case .dropColumn(let name, _, _) in a.actions {
            guard !context.analysis.createdInRun.contains(table), baseline?.column(name.value) != nil else { continue }
            out.append(context.finding(
                s, "dropping \(display(table)).\(name.value) deletes its data and breaks blue's queries that use it: this belongs in the contract phase",
                span: name.span.length > 0 ? name.span : nil))
        }
        return out
    }
}

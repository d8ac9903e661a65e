import SQLSyntax
import SchemaCatalog

/// DROP TABLE of a table blue may use.
struct BanDropTable: StatementRule {
    static let metadata = RuleMetadata(
        id: "ban-drop-table",
        title: "Dropping a table",
        category: .compatibility, severity: .warning,
        summary: "DROP TABLE deletes the table's data and breaks every query of the running application that uses it.",
        rationale: """
            Blue still reads and writes the table while the migration runs, and a rollback needs it. Drop it in \
            the contract phase, once no deployed version uses it (and after a backup if the data may be needed).
            """,
        safeAlternative: "Stop using the table in the application first, then drop it in a later, contract-phase migration.",
        dialects: [.postgres, .sqlite],
        bad: [RuleExample("DROP TABLE audit_log;", baseline: "CREATE TABLE audit_log (id int);")],
        good: [RuleExample("CREATE TABLE tmp (id int);\nDROP TABLE tmp;")],
        equivalents: [
            Equivalent(.squawk, "ban-drop-table"), Equivalent(.atlas, "DS102"), Equivalent(.strongMigrations, "create_table"),
        ])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.drop]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard case .drop(let d) = s.node, d.objectType == .table || d.objectType == .foreignTable else { return [] }
        let catalog = context.catalog(before: s)
        return d.objects.compactMap { object in
            guard let table = catalog.table(object.name), !context.analysis.createdInRun.contains(table) else { return nil }
            return context.finding(s, "dropping \(display(table)) deletes its data and breaks blue's queries that use it: this belongs in the contract phase")
        }
    }
}

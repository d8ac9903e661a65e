import SQLSyntax
import SchemaCatalog

/// DROP DEFAULT of a NOT NULL column: blue's INSERTs that omit it start failing.
struct BanDropDefault: StatementRule {
    static let metadata = RuleMetadata(
        id: "ban-drop-default",
        title: "Dropping the default of a NOT NULL column",
        category: .compatibility, severity: .warning,
        summary: "DROP DEFAULT on a NOT NULL column makes every INSERT that omits the column fail.",
        rationale: "Blue's INSERTs that rely on the default violate NOT NULL as soon as the default is gone (SPEC §2 counts DROP DEFAULT as destructive).",
        safeAlternative: "Drop the default in the contract phase, after every deployed version sets the column explicitly.",
        dialects: [.postgres],
        bad: [RuleExample("ALTER TABLE users ALTER COLUMN plan DROP DEFAULT;", baseline: "CREATE TABLE users (plan text NOT NULL DEFAULT 'free');")],
        good: [RuleExample("ALTER TABLE users ALTER COLUMN plan DROP DEFAULT;", baseline: "CREATE TABLE users (plan text DEFAULT 'free');")],
        equivalents: [Equivalent(.squawk, "ban-set-default")])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.alterTable]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard let a = s.alterTable, let table = context.alteredTable(a, s), !context.analysis.createdInRun.contains(table),
            let old = context.catalog(before: s).tables[table]
        else { return [] }
        // A BEFORE INSERT row trigger may fill the column instead of the default.
        let filledByTrigger = [old, context.analysis.final.tables[table]].compactMap { $0 }.contains { t in
            t.triggers.contains { $0.forEachRow && $0.timing.lowercased() == "before" && $0.events.contains { $0.lowercased().hasPrefix("insert") } }
        }
        guard !filledByTrigger else { return [] }
        var out: [Finding] = []
        for case .alterColumn(let name, .dropDefault) in a.actions {
            guard let column = old.column(name.value), column.notNull, column.defaultValue != nil, column.identity == nil else { continue }
            out.append(context.finding(s, "without its default, INSERTs into \(display(table)) that omit \(name.value) violate NOT NULL"))
        }
        return out
    }
}

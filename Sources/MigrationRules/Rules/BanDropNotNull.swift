import SQLSyntax
import SchemaCatalog

/// DROP NOT NULL: green may write NULLs blue cannot read.
struct BanDropNotNull: StatementRule {
    static let metadata = RuleMetadata(
        id: "ban-drop-not-null",
        title: "Dropping NOT NULL",
        category: .compatibility, severity: .warning,
        summary: "DROP NOT NULL lets green write NULLs that blue, still running, may not expect.",
        rationale: """
            The schema change is a relaxation and safe by itself, but once green writes NULL, blue's code that \
            assumes a value (and a rollback to blue) may crash on those rows: a mixed-version data hazard.
            """,
        safeAlternative: "Make sure blue tolerates NULL in the column before green starts writing it.",
        bad: [RuleExample("ALTER TABLE users ALTER COLUMN email DROP NOT NULL;", baseline: "CREATE TABLE users (email text NOT NULL);")],
        good: [RuleExample("ALTER TABLE users ALTER COLUMN email SET DEFAULT '';", baseline: "CREATE TABLE users (email text NOT NULL);")],
        equivalents: [Equivalent(.squawk, "ban-drop-not-null")])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.alterTable]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard let a = s.alterTable, let table = context.alteredTable(a, s), !context.analysis.createdInRun.contains(table)
        else { return [] }
        var out: [Finding] = []
        for case .alterColumn(let name, .dropNotNull) in a.actions {
            out.append(context.finding(s, "after DROP NOT NULL, green may write NULL into \(display(table)).\(name.value), which blue may not handle"))
        }
        return out
    }
}

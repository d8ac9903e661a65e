import SQLSyntax
import SchemaCatalog

/// Consecutive ALTER TABLE statements on the same existing table.
struct MultipleAlterTable: StatementRule {
    static let metadata = RuleMetadata(
        id: "multiple-alter-table",
        title: "Several ALTER TABLE statements where one would do",
        category: .design, severity: .info,
        summary: "Consecutive ALTER TABLE statements on the same table each wait for ACCESS EXCLUSIVE (and may each scan or rewrite); one statement with several actions waits once.",
        rationale: "Every separate ALTER TABLE queues for its lock again, and PostgreSQL combines the actions of one statement into a single scan or rewrite.",
        safeAlternative: "Combine the actions: `ALTER TABLE t ADD COLUMN a int, ADD COLUMN b int;`.",
        bad: [RuleExample("ALTER TABLE users ADD COLUMN a int;\nALTER TABLE users ADD COLUMN b int;", baseline: "CREATE TABLE users (id int);")],
        good: [RuleExample("ALTER TABLE users ADD COLUMN a int, ADD COLUMN b int;", baseline: "CREATE TABLE users (id int);")],
        equivalents: [Equivalent(.eugene, "W12")])

    static let shapes: Set<StatementShape>? = [.alterTable]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard s.index > 0, let (_, table) = context.existingAlteredTable(s) else { return [] }
        let previous = context.analysis.statements[s.index - 1]
        guard previous.file == s.file, previous.transaction == s.transaction, let a = previous.alterTable,
            context.alteredTable(a, previous) == table,
            s.effects.mode(on: table) == .accessExclusive, previous.effects.mode(on: table) == .accessExclusive
        else { return [] }
        return [context.finding(s, "another ALTER TABLE on \(display(table)) right after line \(previous.line): combine them to take the lock once")]
    }
}

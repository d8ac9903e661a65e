import SQLSyntax
import SchemaCatalog

/// ADD CHECK without NOT VALID on a table with rows.
struct ConstraintMissingNotValid: StatementRule {
    static let metadata = RuleMetadata(
        id: "constraint-missing-not-valid",
        title: "Adding a CHECK constraint without NOT VALID",
        category: .lock, severity: .error, lockHazard: true,
        summary: "ADD CONSTRAINT ... CHECK validates every row while ACCESS EXCLUSIVE blocks reads and writes.",
        rationale: """
            Without NOT VALID, PostgreSQL scans the whole table to prove the new CHECK under the ACCESS EXCLUSIVE \
            lock of ALTER TABLE. With NOT VALID only new rows are checked, and a later VALIDATE CONSTRAINT scans \
            under SHARE UPDATE EXCLUSIVE, which lets reads and writes through.
            """,
        safeAlternative: """
            `ADD CONSTRAINT c CHECK (...) NOT VALID`; then, in a separate transaction, `VALIDATE CONSTRAINT c`.
            """,
        bad: [
            RuleExample("ALTER TABLE orders ADD CONSTRAINT positive CHECK (amount > 0);", baseline: "CREATE TABLE orders (amount int);"),
            RuleExample("ALTER TABLE orders ADD COLUMN qty int CHECK (qty > 0);", baseline: "CREATE TABLE orders (amount int);"),
        ],
        good: [
            RuleExample("ALTER TABLE orders ADD CONSTRAINT positive CHECK (amount > 0) NOT VALID;", baseline: "CREATE TABLE orders (amount int);"),
            RuleExample("ALTER TABLE orders VALIDATE CONSTRAINT positive;", baseline: "CREATE TABLE orders (amount int);\nALTER TABLE orders ADD CONSTRAINT positive CHECK (amount > 0) NOT VALID;"),
        ],
        equivalents: [
            Equivalent(.squawk, "constraint-missing-not-valid"), Equivalent(.strongMigrations, "add_check_constraint"),
            Equivalent(.atlas, "PG305"), Equivalent(.eugene, "E1"),
        ])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.alterTable]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard let (a, table) = context.existingAlteredTable(s), s.effects.scans.contains(table) else { return [] }
        var out: [Finding] = []
        for c in MigrationStatement.addedConstraints(a) where !c.notValid {
            guard case .check = c.kind else { continue }
            let name = c.name.map { " \($0.value)" } ?? ""
            out.append(context.finding(
                s, "adding CHECK constraint\(name) on \(display(table)) scans every row under ACCESS EXCLUSIVE",
                table: table, span: c.span))
        }
        return out
    }
}

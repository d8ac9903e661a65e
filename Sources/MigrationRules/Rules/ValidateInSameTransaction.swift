import SQLSyntax
import SchemaCatalog

/// VALIDATE CONSTRAINT in the transaction that added the constraint NOT VALID.
struct ValidateInSameTransaction: StatementRule {
    static let metadata = RuleMetadata(
        id: "validate-in-same-transaction",
        title: "Validating a constraint in the transaction that added it",
        category: .lock, severity: .error, lockHazard: true,
        summary: "VALIDATE CONSTRAINT in the same transaction as its NOT VALID add scans the table while the add's lock is still held.",
        rationale: """
            NOT VALID only helps because the later VALIDATE runs under SHARE UPDATE EXCLUSIVE. In the same \
            transaction, the ACCESS EXCLUSIVE (CHECK) or SHARE ROW EXCLUSIVE (foreign key) lock of the ADD is held \
            until COMMIT, so the validating scan blocks traffic exactly as if NOT VALID had not been written.
            """,
        safeAlternative: "Commit after `ADD CONSTRAINT ... NOT VALID`; run `VALIDATE CONSTRAINT` in a later transaction (or a later migration).",
        bad: [
            RuleExample("""
                BEGIN;
                ALTER TABLE orders ADD CONSTRAINT positive CHECK (amount > 0) NOT VALID;
                ALTER TABLE orders VALIDATE CONSTRAINT positive;
                COMMIT;
                """, baseline: "CREATE TABLE orders (amount int);")
        ],
        good: [
            RuleExample("""
                ALTER TABLE orders ADD CONSTRAINT positive CHECK (amount > 0) NOT VALID;
                ALTER TABLE orders VALIDATE CONSTRAINT positive;
                """, baseline: "CREATE TABLE orders (amount int);")
        ],
        equivalents: [
            Equivalent(.strongMigrations, "validate_check_constraint"),
            Equivalent(.strongMigrations, "validate_foreign_key"),
        ])

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard let transaction = context.analysis.transaction(s.transaction),
            let (a, table) = context.existingAlteredTable(s)
        else { return [] }
        var out: [Finding] = []
        for case .validateConstraint(let name) in a.actions {
            for earlier in transaction.statements where earlier < s.index {
                let before = context.analysis.catalog(before: earlier).tables[table]?.constraint(name.value)
                let after = context.analysis.catalog(after: earlier).tables[table]?.constraint(name.value)
                guard before == nil, let added = after, !added.validated else { continue }
                let e = context.analysis.statements[earlier]
                out.append(context.finding(
                    s, "constraint \(name.value) was added NOT VALID at line \(e.line) in this same transaction: its lock on \(display(table)) is still held, so this scan blocks traffic",
                    table: table))
            }
        }
        return out
    }
}

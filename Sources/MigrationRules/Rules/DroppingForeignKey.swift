import SQLSyntax
import SchemaCatalog

/// DROP CONSTRAINT of a foreign key.
struct DroppingForeignKey: StatementRule {
    static let metadata = RuleMetadata(
        id: "dropping-foreign-key",
        title: "Dropping a foreign key",
        category: .compatibility, severity: .info,
        summary: "DROP CONSTRAINT removes a foreign key: the database stops guarding the reference, and ON DELETE actions stop.",
        rationale: """
            A relaxation for both application versions, but orphans can appear from then on, and code relying on \
            ON DELETE CASCADE / SET NULL behaves differently. It also takes ACCESS EXCLUSIVE on both tables.
            """,
        safeAlternative: "Make sure no version relies on the constraint's actions; set lock_timeout for the brief ACCESS EXCLUSIVE on both tables.",
        bad: [RuleExample("ALTER TABLE orders DROP CONSTRAINT orders_user_fk;", baseline: "CREATE TABLE users (id int PRIMARY KEY);\nCREATE TABLE orders (user_id int CONSTRAINT orders_user_fk REFERENCES users);")],
        good: [RuleExample("ALTER TABLE orders DROP CONSTRAINT positive;", baseline: "CREATE TABLE orders (amount int CONSTRAINT positive CHECK (amount > 0));")],
        equivalents: [Equivalent(.atlas, "CD101"), Equivalent(.squawk, "ban-drop-constraint")])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.alterTable]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard let a = s.alterTable, let table = context.alteredTable(a, s),
            let old = context.catalog(before: s).tables[table]
        else { return [] }
        var out: [Finding] = []
        for case .dropConstraint(let name, _, _) in a.actions {
            guard let c = old.constraint(name.value), c.kind == .foreignKey, let fk = c.foreignKey else { continue }
            out.append(context.finding(s, "dropping foreign key \(name.value) stops \(display(table)) from guarding its reference to \(display(fk.table))"))
        }
        return out
    }
}

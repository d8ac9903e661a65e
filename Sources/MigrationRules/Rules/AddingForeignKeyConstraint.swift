import SQLSyntax
import SchemaCatalog

/// ADD FOREIGN KEY without NOT VALID on a table with rows.
struct AddingForeignKeyConstraint: StatementRule {
    static let metadata = RuleMetadata(
        id: "adding-foreign-key-constraint",
        title: "Adding a foreign key without NOT VALID",
        category: .lock, severity: .error, lockHazard: true,
        summary: "ADD FOREIGN KEY checks every row while SHARE ROW EXCLUSIVE blocks writes on both tables.",
        rationale: """
            Adding a foreign key takes SHARE ROW EXCLUSIVE on the referencing and the referenced table and scans \
            the referencing table to validate it: writes to both wait for the whole scan. `ADD COLUMN ... DEFAULT x \
            REFERENCES` scans too; a new column without a default holds only NULLs, so PostgreSQL skips that scan.
            """,
        safeAlternative: """
            `ADD CONSTRAINT fk FOREIGN KEY (...) REFERENCES ... NOT VALID`; then, in a separate transaction, \
            `VALIDATE CONSTRAINT fk` (SHARE UPDATE EXCLUSIVE, and ROW SHARE on the referenced table).
            """,
        bad: [
            RuleExample(
                "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);",
                baseline: "CREATE TABLE users (id int PRIMARY KEY);\nCREATE TABLE orders (id int, user_id int);"),
            RuleExample(
                "ALTER TABLE orders ADD COLUMN owner_id int DEFAULT 1 REFERENCES users (id);",
                baseline: "CREATE TABLE users (id int PRIMARY KEY);\nCREATE TABLE orders (id int);"),
        ],
        good: [
            RuleExample(
                "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;",
                baseline: "CREATE TABLE users (id int PRIMARY KEY);\nCREATE TABLE orders (id int, user_id int);"),
            RuleExample(
                "ALTER TABLE orders ADD COLUMN owner_id int REFERENCES users (id);",
                baseline: "CREATE TABLE users (id int PRIMARY KEY);\nCREATE TABLE orders (id int);"),
        ],
        equivalents: [
            Equivalent(.squawk, "adding-foreign-key-constraint"), Equivalent(.squawk, "constraint-missing-not-valid"),
            Equivalent(.strongMigrations, "add_foreign_key"), Equivalent(.strongMigrations, "add_reference"),
            Equivalent(.atlas, "PG306"), Equivalent(.eugene, "E1"),
        ])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.alterTable]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard let (a, table) = context.existingAlteredTable(s), s.effects.scans.contains(table) else { return [] }
        var out: [Finding] = []
        for action in a.actions {
            var constraints: [ConstraintDefinition] = []
            if case .addConstraint(let c) = action { constraints = [c] }
            if case .addColumn(let column, _) = action, let d = column.defaultValue {
                if case .literal(.null) = d.kind { continue }
                constraints = column.constraints
            }
            for c in constraints where !c.notValid {
                guard case .foreignKey(let fk) = c.kind else { continue }
                out.append(context.finding(
                    s, "adding a foreign key from \(display(table)) to \(fk.referencedTable.dotted) scans \(display(table)) while writes to both tables are blocked",
                    table: table, span: c.span))
            }
        }
        return out
    }
}

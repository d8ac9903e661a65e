import SQLSyntax
import SchemaCatalog

/// ADD UNIQUE without USING INDEX: the index is built under ACCESS EXCLUSIVE.
struct DisallowedUniqueConstraint: StatementRule {
    static let metadata = RuleMetadata(
        id: "disallowed-unique-constraint",
        title: "Adding a UNIQUE constraint that builds its index under lock",
        category: .lock, severity: .error, lockHazard: true,
        summary: "ADD CONSTRAINT ... UNIQUE builds a unique index while ACCESS EXCLUSIVE blocks reads and writes.",
        rationale: """
            The constraint's index is built inside ALTER TABLE, under ACCESS EXCLUSIVE, for as long as the build \
            takes. UNIQUE cannot be NOT VALID: PostgreSQL rejects that. The online path is to build the index \
            concurrently first and then attach it.
            """,
        safeAlternative: """
            `CREATE UNIQUE INDEX CONCURRENTLY idx ON t (cols);` outside a transaction block, then \
            `ALTER TABLE t ADD CONSTRAINT c UNIQUE USING INDEX idx;` (instant).
            """,
        bad: [
            RuleExample("ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);", baseline: "CREATE TABLE users (id int, email text);"),
            RuleExample("ALTER TABLE users ADD COLUMN handle text UNIQUE;", baseline: "CREATE TABLE users (id int);"),
        ],
        good: [
            RuleExample("""
                CREATE UNIQUE INDEX CONCURRENTLY users_email_idx ON users (email);
                ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;
                """, baseline: "CREATE TABLE users (id int, email text);")
        ],
        equivalents: [
            Equivalent(.squawk, "disallowed-unique-constraint"), Equivalent(.strongMigrations, "add_unique_constraint"),
            Equivalent(.atlas, "PG105"), Equivalent(.eugene, "E7"),
        ])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.alterTable]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard let (a, table) = context.existingAlteredTable(s) else { return [] }
        var out: [Finding] = []
        for c in MigrationStatement.addedConstraints(a) {
            guard case .unique(let key) = c.kind, key.usingIndex == nil else { continue }
            out.append(context.finding(
                s, "adding a UNIQUE constraint builds its index on \(display(table)) under ACCESS EXCLUSIVE",
                table: table, span: c.span))
        }
        return out
    }
}

import SQLSyntax
import SchemaCatalog

/// ADD PRIMARY KEY without USING INDEX: the index is built under ACCESS EXCLUSIVE.
struct AddingPrimaryKeyConstraint: StatementRule {
    static let metadata = RuleMetadata(
        id: "adding-serial-primary-key-field",
        title: "Adding a primary key that builds its index under lock",
        category: .lock, severity: .error, lockHazard: true,
        summary: "ADD PRIMARY KEY builds a unique index (and may scan for NOT NULL) while ACCESS EXCLUSIVE blocks reads and writes.",
        rationale: """
            ALTER TABLE builds the primary key's index under ACCESS EXCLUSIVE, and marks nullable key columns \
            NOT NULL with a full scan. Building the index concurrently first keeps the table available.
            """,
        safeAlternative: """
            Make the key columns NOT NULL safely first (CHECK ... NOT VALID, VALIDATE, SET NOT NULL), then \
            `CREATE UNIQUE INDEX CONCURRENTLY idx ON t (cols);` and `ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX idx;`.
            """,
        bad: [
            RuleExample("ALTER TABLE items ADD PRIMARY KEY (id);", baseline: "CREATE TABLE items (id int NOT NULL);"),
            RuleExample("ALTER TABLE items ADD COLUMN pk bigserial PRIMARY KEY;", baseline: "CREATE TABLE items (name text);"),
        ],
        good: [
            RuleExample("""
                CREATE UNIQUE INDEX CONCURRENTLY items_id_idx ON items (id);
                ALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY USING INDEX items_id_idx;
                """, baseline: "CREATE TABLE items (id int NOT NULL);")
        ],
        equivalents: [Equivalent(.squawk, "adding-serial-primary-key-field"), Equivalent(.atlas, "PG104")],
        aliases: ["adding-primary-key-constraint"])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.alterTable]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard let (a, table) = context.existingAlteredTable(s) else { return [] }
        var out: [Finding] = []
        for c in MigrationStatement.addedConstraints(a) {
            guard case .primaryKey(let key) = c.kind, key.usingIndex == nil else { continue }
            out.append(context.finding(
                s, "adding a PRIMARY KEY builds its index on \(display(table)) under ACCESS EXCLUSIVE",
                table: table, span: c.span))
        }
        return out
    }
}

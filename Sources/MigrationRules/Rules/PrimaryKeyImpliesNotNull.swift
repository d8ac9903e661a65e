import SQLSyntax
import SchemaCatalog

/// ADD PRIMARY KEY USING INDEX on nullable columns: an implicit SET NOT NULL scan.
struct PrimaryKeyImpliesNotNull: StatementRule {
    static let metadata = RuleMetadata(
        id: "primary-key-implies-not-null",
        title: "Primary key on nullable columns scans the table",
        category: .lock, severity: .error, lockHazard: true,
        summary: "ADD PRIMARY KEY [USING INDEX] on columns that may be NULL sets them NOT NULL, scanning the table under ACCESS EXCLUSIVE.",
        rationale: """
            A primary key's columns must be NOT NULL. When they are not yet, ALTER TABLE sets NOT NULL itself and \
            checks every row under ACCESS EXCLUSIVE, even when the index was built concurrently beforehand.
            """,
        safeAlternative: """
            Make the columns NOT NULL first without a long lock: `CHECK (col IS NOT NULL) NOT VALID`, `VALIDATE`, \
            then `SET NOT NULL` (PostgreSQL 12+ skips the scan); then `ADD PRIMARY KEY USING INDEX`.
            """,
        bad: [
            RuleExample("""
                ALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY USING INDEX items_id_idx;
                """, baseline: "CREATE TABLE items (id int);\nCREATE UNIQUE INDEX items_id_idx ON items (id);")
        ],
        good: [
            RuleExample("""
                ALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY USING INDEX items_id_idx;
                """, baseline: "CREATE TABLE items (id int NOT NULL);\nCREATE UNIQUE INDEX items_id_idx ON items (id);")
        ],
        equivalents: [Equivalent(.atlas, "PG304"), Equivalent(.eugene, "W14")])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.alterTable]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard let (a, table) = context.existingAlteredTable(s), s.effects.scans.contains(table),
            let old = context.catalog(before: s).tables[table]
        else { return [] }
        var out: [Finding] = []
        for case .addConstraint(let c) in a.actions {
            guard case .primaryKey(let key) = c.kind else { continue }
            var columns = key.columns.map(\.value)
            if let index = key.usingIndex, let idx = context.catalog(before: s).index(QualifiedName([Identifier(table.schema), index])) {
                columns = context.catalog(before: s).indexes[idx]?.columnNames ?? columns
            }
            let nullable = columns.filter { old.column($0)?.notNull == false }
            guard !nullable.isEmpty else { continue }
            out.append(context.finding(
                s, "the primary key makes \(nullable.joined(separator: ", ")) NOT NULL, which scans \(display(table)) under ACCESS EXCLUSIVE",
                table: table, span: c.span))
        }
        return out
    }
}

import SQLSyntax
import SchemaCatalog

/// SET NOT NULL that scans the table under ACCESS EXCLUSIVE.
struct AddingNotNullableField: StatementRule {
    static let metadata = RuleMetadata(
        id: "adding-not-nullable-field",
        title: "Setting NOT NULL with a full scan",
        category: .lock, severity: .error, lockHazard: true,
        summary: "ALTER COLUMN ... SET NOT NULL scans the whole table under ACCESS EXCLUSIVE, unless (PostgreSQL 12+) a validated CHECK (col IS NOT NULL) proves it.",
        rationale: """
            PostgreSQL checks every row before it marks the column NOT NULL, holding ACCESS EXCLUSIVE the whole time, \
            and the statement fails if a NULL is found. From PostgreSQL 12 a validated `CHECK (col IS NOT NULL)` \
            constraint lets it skip the scan.
            """,
        safeAlternative: """
            `ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID`; then, in another transaction, `VALIDATE CONSTRAINT c` \
            (SHARE UPDATE EXCLUSIVE: reads and writes go on); then `SET NOT NULL` (instant on 12+) and `DROP CONSTRAINT c`.
            """,
        bad: [
            RuleExample("ALTER TABLE users ALTER COLUMN email SET NOT NULL;", baseline: "CREATE TABLE users (id int, email text);")
        ],
        good: [
            RuleExample("""
                ALTER TABLE users ALTER COLUMN email SET NOT NULL;
                """, baseline: """
                CREATE TABLE users (id int, email text);
                ALTER TABLE users ADD CONSTRAINT email_nn CHECK (email IS NOT NULL);
                """),
            RuleExample("""
                CREATE TABLE users (id int, email text);
                ALTER TABLE users ALTER COLUMN email SET NOT NULL;
                """),
        ],
        equivalents: [
            Equivalent(.squawk, "adding-not-nullable-field"), Equivalent(.strongMigrations, "change_column_null"),
            Equivalent(.strongMigrations, "change_column_null_postgresql"),
            Equivalent(.strongMigrations, "change_column_with_not_null"), Equivalent(.atlas, "PG303"),
            Equivalent(.atlas, "MF104"), Equivalent(.eugene, "E2"),
        ])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.alterTable]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard let (a, table) = context.existingAlteredTable(s), s.effects.scans.contains(table) else { return [] }
        var out: [Finding] = []
        for case .alterColumn(let name, .setNotNull) in a.actions {
            let help =
                context.postgresVersion >= 18
                ? Self.metadata.safeAlternative
                    + " On PostgreSQL 18 you may instead `ADD CONSTRAINT c NOT NULL \(name.value) NOT VALID` and `VALIDATE CONSTRAINT c` in another transaction."
                : context.postgresVersion >= 12
                ? Self.metadata.safeAlternative
                : """
                Before PostgreSQL 12, SET NOT NULL always scans. Add `CHECK (\(name.value) IS NOT NULL) NOT VALID`, \
                `VALIDATE CONSTRAINT` it in another transaction, and keep the CHECK instead of SET NOT NULL until you run 12+.
                """
            out.append(context.finding(
                s, "setting \(display(table)).\(name.value) NOT NULL scans the whole table under ACCESS EXCLUSIVE (and fails if a NULL is left)",
                table: table, help: help))
        }
        return out
    }
}

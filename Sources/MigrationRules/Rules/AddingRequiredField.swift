import SQLSyntax
import SchemaCatalog

/// ADD COLUMN NOT NULL without a default on a table with rows.
struct AddingRequiredField: StatementRule {
    static let metadata = RuleMetadata(
        id: "adding-required-field",
        title: "Adding a NOT NULL column without a default",
        category: .correctness, severity: .error, lockHazard: true,
        summary: "ADD COLUMN ... NOT NULL without a DEFAULT fails on a table that has rows, and breaks the old application's INSERTs.",
        rationale: """
            Existing rows would hold NULL in a NOT NULL column, so PostgreSQL rejects the statement on any \
            non-empty table (SQLSTATE 23502). Even on an empty table, blue's INSERTs do not name the column and \
            start failing.
            """,
        safeAlternative: """
            Add the column nullable (or with a non-volatile DEFAULT, instant from PostgreSQL 11), backfill, then \
            make it NOT NULL with CHECK ... NOT VALID, VALIDATE and SET NOT NULL.
            """,
        dialects: [.postgres, .sqlite],
        bad: [RuleExample("ALTER TABLE users ADD COLUMN plan text NOT NULL;", baseline: "CREATE TABLE users (id int);")],
        good: [
            RuleExample("ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';", baseline: "CREATE TABLE users (id int);"),
            RuleExample("CREATE TABLE users (id int);\nALTER TABLE users ADD COLUMN plan text NOT NULL;"),
        ],
        equivalents: [
            Equivalent(.squawk, "adding-required-field"), Equivalent(.atlas, "MF103"),
        ])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.alterTable]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard let (a, table) = context.existingAlteredTable(s) else { return [] }
        var out: [Finding] = []
        for case .addColumn(let column, _) in a.actions {
            guard column.declaredNotNull, column.defaultValue == nil, !column.identity, !column.generated,
                !column.isSerial
            else { continue }
            out.append(context.finding(
                s, "adding \(column.name.value) NOT NULL without a default fails if \(display(table)) has rows, and blue's INSERTs do not set it",
                table: table, span: column.span))
        }
        return out
    }
}

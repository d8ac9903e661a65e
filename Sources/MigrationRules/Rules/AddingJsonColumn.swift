import SQLSyntax

/// json columns.
struct AddingJsonColumn: ColumnTypeRule {
    static let metadata = RuleMetadata(
        id: "adding-json-column",
        title: "json instead of jsonb",
        category: .design, severity: .warning,
        summary: "json has no equality operator, so SELECT DISTINCT, GROUP BY and UNION over a table with a json column fail.",
        rationale: "Adding a json column to an existing table breaks the running application's queries that use DISTINCT or UNION over all columns; jsonb has equality and indexing.",
        safeAlternative: "Use jsonb.",
        bad: [RuleExample("ALTER TABLE users ADD COLUMN prefs json;", baseline: "CREATE TABLE users (id int);")],
        good: [RuleExample("ALTER TABLE users ADD COLUMN prefs jsonb;", baseline: "CREATE TABLE users (id int);")],
        equivalents: [Equivalent(.strongMigrations, "add_column_json"), Equivalent(.eugene, "E3")])

    func complaint(_ w: WrittenColumnType, _ context: RuleContext) -> String? {
        w.baseName == "json" && w.type.arrayBounds.isEmpty ? "\(w.column.value) is json, which has no equality operator (SELECT DISTINCT and UNION fail); prefer jsonb" : nil
    }
}

import SQLSyntax

/// varchar(n) columns.
struct PreferTextField: ColumnTypeRule {
    static let metadata = RuleMetadata(
        id: "prefer-text-field",
        title: "varchar(n) column",
        category: .design, severity: .info,
        summary: "Lowering a varchar(n) limit later rewrites the table; text with a CHECK constraint can change its limit online.",
        rationale: "varchar(n) is stored like text. Raising n is free, but any other change of the limit is a rewrite under ACCESS EXCLUSIVE, while a CHECK (length(col) <= n) can be swapped with NOT VALID and VALIDATE.",
        safeAlternative: "Use text with `CHECK (length(col) <= n)`.",
        bad: [RuleExample("CREATE TABLE users (name varchar(100));")],
        good: [RuleExample("CREATE TABLE users (name text CHECK (length(name) <= 100));")],
        equivalents: [Equivalent(.squawk, "prefer-text-field")])

    func complaint(_ w: WrittenColumnType, _ context: RuleContext) -> String? {
        w.baseName == "varchar" && !w.type.modifiers.isEmpty ? "\(w.column.value) is varchar(n); prefer text with a CHECK on its length" : nil
    }
}

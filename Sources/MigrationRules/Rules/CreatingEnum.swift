import SQLSyntax

/// CREATE TYPE ... AS ENUM.
struct CreatingEnum: StatementRule {
    static let metadata = RuleMetadata(
        id: "creating-enum",
        title: "Creating an enum type",
        category: .design, severity: .info,
        summary: "Enum values can be added but not removed or reordered without rebuilding the type and every column that uses it.",
        rationale: "Dropping or renaming a value later means a new type, a column type change (a rewrite) and care with both application versions.",
        safeAlternative: "Consider text with a CHECK constraint, or a lookup table with a foreign key, when the set of values may change.",
        bad: [RuleExample("CREATE TYPE status AS ENUM ('active', 'closed');")],
        good: [RuleExample("CREATE TABLE statuses (name text PRIMARY KEY);")],
        equivalents: [Equivalent(.eugene, "W13")])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.createType]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard case .createType(let t) = s.node, case .enumeration = t.definition else { return [] }
        return [context.finding(s, "enum \(t.name.dotted): values cannot be removed or reordered later without a rewrite")]
    }
}

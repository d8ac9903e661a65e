import SQLSyntax

/// ALTER TYPE ... ADD VALUE without BEFORE or AFTER.
struct RequireEnumValueOrdering: StatementRule {
    static let metadata = RuleMetadata(
        id: "require-enum-value-ordering",
        title: "Enum value added without BEFORE or AFTER",
        category: .design, severity: .info,
        summary: "ALTER TYPE ... ADD VALUE without BEFORE/AFTER appends the value, which fixes its sort order.",
        rationale: "Enum values sort in declaration order; ORDER BY and comparisons on the column change meaning if the new value belongs elsewhere.",
        safeAlternative: "Say where it goes: `ADD VALUE 'x' BEFORE 'y'` or `AFTER 'y'`.",
        bad: [RuleExample("ALTER TYPE size ADD VALUE 'medium';", baseline: "CREATE TYPE size AS ENUM ('small', 'large');")],
        good: [RuleExample("ALTER TYPE size ADD VALUE 'medium' BEFORE 'large';", baseline: "CREATE TYPE size AS ENUM ('small', 'large');")],
        equivalents: [Equivalent(.squawk, "require-enum-value-ordering")])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.alterType]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard case .alterType(let t) = s.node, case .addValue(let value, _, nil) = t.action else { return [] }
        return [context.finding(s, "'\(value)' is appended to \(t.name.dotted) and sorts after every existing value")]
    }
}

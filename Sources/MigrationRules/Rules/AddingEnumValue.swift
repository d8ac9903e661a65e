import SQLSyntax
import SchemaCatalog

/// ALTER TYPE ... ADD VALUE: green may write a value blue cannot read.
struct AddingEnumValue: StatementRule {
    static let metadata = RuleMetadata(
        id: "adding-enum-value",
        title: "Adding an enum value",
        category: .compatibility, severity: .warning,
        summary: "Once green writes a new enum value, blue (and a rollback to blue) reads a value its code does not know.",
        rationale: """
            The schema change is additive and safe for both versions' queries, but it is a mixed-version data \
            hazard: blue's code that maps the enum to its own type fails on rows green wrote. Before PostgreSQL 12 \
            ADD VALUE also cannot run inside a transaction block.
            """,
        safeAlternative: "Ship a blue that tolerates unknown values first, or hold green back from writing the new value until blue is retired.",
        bad: [RuleExample("ALTER TYPE status ADD VALUE 'archived';", baseline: "CREATE TYPE status AS ENUM ('active', 'closed');")],
        good: [RuleExample("CREATE TYPE status AS ENUM ('active');\nALTER TYPE status ADD VALUE 'archived';")],
        equivalents: [Equivalent(.squawk, "ban-add-enum-value")])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.alterType]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard case .alterType(let t) = s.node, case .addValue(let value, _, _) = t.action,
            context.analysis.baseline.type(t.name) != nil
        else { return [] }
        return [context.finding(s, "green may write '\(value)' into \(t.name.dotted) columns, which blue does not know")]
    }
}

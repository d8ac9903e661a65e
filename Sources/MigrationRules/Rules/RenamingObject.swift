import SQLSyntax
import SchemaCatalog

/// RENAME of a schema, view, sequence, type, enum value or function.
struct RenamingObject: StatementRule {
    static let metadata = RuleMetadata(
        id: "renaming-object",
        title: "Renaming a schema, view, sequence, type, enum value or function",
        category: .compatibility, severity: .warning,
        summary: "Renaming an object the application names (schema, view, sequence, type, enum value, function) breaks the running version's queries.",
        rationale: "Blue keeps using the old name until it is retired; green uses the new one.",
        safeAlternative: "Create the new object beside the old one (or add the new enum value), move both versions over, and drop the old one in the contract phase.",
        bad: [
            RuleExample("ALTER SCHEMA billing RENAME TO payments;", baseline: "CREATE SCHEMA billing;"),
            RuleExample("ALTER TYPE mood RENAME VALUE 'sad' TO 'unhappy';", baseline: "CREATE TYPE mood AS ENUM ('sad', 'happy');"),
        ],
        good: [RuleExample("ALTER TYPE mood ADD VALUE 'unhappy';", baseline: "CREATE TYPE mood AS ENUM ('sad', 'happy');")],
        equivalents: [
            Equivalent(.squawk, "renaming-object"), Equivalent(.strongMigrations, "rename_schema"),
            Equivalent(.strongMigrations, "rename_enum_value"),
        ])

    static let readsDataStatements = false

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        let base = context.analysis.baseline
        switch s.node {
        case .rename(let r):
            let word: String
            let exists: Bool
            switch r.objectType {
            case .schema: word = "schema"; exists = base.schemas[r.object.name.name] != nil
            case .view, .materializedView: word = "view"; exists = base.view(r.object.name) != nil
            case .sequence: word = "sequence"; exists = base.sequence(r.object.name) != nil
            case .type, .domain: word = "type"; exists = base.type(r.object.name) != nil
            case .function, .procedure, .routine:
                word = "function"; exists = base.resolve(r.object.name) { base.functions[$0] != nil } != nil
            default: return []
            }
            guard exists else { return [] }
            return [context.finding(s, "renaming \(word) \(r.object.name.dotted) to \(r.newName.value) breaks blue's queries that use the old name")]
        case .alterType(let t):
            guard case .renameValue(let from, let to) = t.action, base.type(t.name) != nil else { return [] }
            return [context.finding(s, "renaming enum value '\(from)' of \(t.name.dotted) to '\(to)' breaks blue's queries and rows that use '\(from)'")]
        default:
            return []
        }
    }
}

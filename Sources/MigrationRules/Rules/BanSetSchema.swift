import SQLSyntax
import SchemaCatalog

/// ALTER ... SET SCHEMA of an existing object.
struct BanSetSchema: StatementRule {
    static let metadata = RuleMetadata(
        id: "ban-set-schema",
        title: "Moving an object to another schema",
        category: .compatibility, severity: .warning,
        summary: "ALTER ... SET SCHEMA changes the object's qualified name, like a rename.",
        rationale: "Queries that qualify the old schema, or whose search_path does not include the new one, fail in the running version.",
        safeAlternative: "Treat it as a rename: create the object in the new schema with a compatibility view (or synonym) in the old one until blue is retired.",
        bad: [RuleExample("ALTER TABLE users SET SCHEMA archive;", baseline: "CREATE SCHEMA archive;\nCREATE TABLE users (id int);")],
        good: [RuleExample("CREATE SCHEMA archive;\nCREATE TABLE t (id int);\nALTER TABLE t SET SCHEMA archive;")],
        equivalents: [Equivalent(.squawk, "ban-set-schema")])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.alterObjectSchema]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard case .alterObjectSchema(let a) = s.node else { return [] }
        let catalog = context.catalog(before: s)
        switch a.objectType {
        case .table, .foreignTable:
            guard let t = catalog.table(a.object.name), !context.analysis.createdInRun.contains(t) else { return [] }
        case .view, .materializedView:
            guard context.analysis.baseline.view(a.object.name) != nil else { return [] }
        case .sequence:
            guard context.analysis.baseline.sequence(a.object.name) != nil else { return [] }
        case .type, .domain:
            guard context.analysis.baseline.type(a.object.name) != nil else { return [] }
        default:
            return []
        }
        return [context.finding(s, "moving \(a.object.name.dotted) to schema \(a.newSchema.value) breaks queries that name it by its old schema")]
    }
}

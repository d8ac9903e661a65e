import SQLSyntax

/// Unqualified table names (opt-in).
struct RequireTableSchema: StatementRule {
    static let metadata = RuleMetadata(
        id: "require-table-schema",
        title: "Table name without a schema",
        category: .design, severity: .warning, optIn: true,
        summary: "CREATE, ALTER and DROP TABLE should name the schema, so that the search_path cannot change what they act on (opt-in).",
        rationale: "An unqualified name resolves through the session's search_path, which differs between tools, roles and environments.",
        safeAlternative: "Qualify the name: `public.users`.",
        bad: [RuleExample("CREATE TABLE users (id int);")],
        good: [RuleExample("CREATE TABLE public.users (id int);")],
        equivalents: [Equivalent(.squawk, "require-table-schema")])

    static let readsDataStatements = false

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        var names: [QualifiedName] = []
        switch s.node {
        case .createTable(let t): names = [t.name]
        case .createTableAs(let t): names = [t.name]
        case .alterTable(let a) where a.allInTablespace == nil: names = [a.name]
        case .drop(let d) where d.objectType == .table: names = d.names
        case .createIndex(let i): names = [i.table]
        default: return []
        }
        return names.filter { $0.parts.count < 2 }.map { name in
            context.finding(s, "\(name.dotted) has no schema; it resolves through search_path", span: name.span.length > 0 ? name.span : nil)
        }
    }
}

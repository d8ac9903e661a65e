import SQLSyntax

/// DROP SCHEMA of a schema that exists before the migration.
struct BanDropSchema: StatementRule {
    static let metadata = RuleMetadata(
        id: "ban-drop-schema",
        title: "Dropping a schema",
        category: .compatibility, severity: .warning,
        summary: "DROP SCHEMA removes every object in the schema (with CASCADE) and breaks the queries that use them.",
        rationale: "A schema drop is destructive and cannot be rolled back by redeploying blue; it belongs in the contract phase.",
        safeAlternative: "Move or retire the objects first; drop the empty schema in a contract-phase migration.",
        bad: [RuleExample("DROP SCHEMA reporting CASCADE;", baseline: "CREATE SCHEMA reporting;\nCREATE TABLE reporting.daily (d date);")],
        good: [RuleExample("CREATE SCHEMA scratch;\nDROP SCHEMA scratch;")],
        equivalents: [Equivalent(.atlas, "DS101"), Equivalent(.squawk, "ban-drop-schema")])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.drop]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard case .drop(let d) = s.node, d.objectType == .schema else { return [] }
        return d.objects.compactMap { object in
            guard context.analysis.baseline.schemas[object.name.name] != nil else { return nil }
            return context.finding(s, "dropping schema \(object.name.name) removes every object in it")
        }
    }
}

import SQLSyntax

/// DROP DATABASE in a migration.
struct BanDropDatabase: StatementRule {
    static let metadata = RuleMetadata(
        id: "ban-drop-database",
        title: "Dropping a database",
        category: .compatibility, severity: .error,
        summary: "A migration drops a whole database.",
        rationale: "Everything in it is lost, for every application using it; this is never part of a rolling deploy.",
        safeAlternative: "Drop databases by hand, outside the migration history, after a backup.",
        bad: [RuleExample("DROP DATABASE analytics;")],
        good: [RuleExample("DROP TABLE IF EXISTS scratch;")],
        equivalents: [Equivalent(.squawk, "ban-drop-database")])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.drop]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard case .drop(let d) = s.node, d.objectType == .database else { return [] }
        return [context.finding(s, "DROP DATABASE \(d.names.map(\.dotted).joined(separator: ", ")) deletes every object and row in it")]
    }
}

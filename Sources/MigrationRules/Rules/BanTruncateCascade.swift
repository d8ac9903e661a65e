import SQLSyntax

/// TRUNCATE ... CASCADE.
struct BanTruncateCascade: StatementRule {
    static let metadata = RuleMetadata(
        id: "ban-truncate-cascade",
        title: "TRUNCATE ... CASCADE",
        category: .compatibility, severity: .warning,
        summary: "TRUNCATE CASCADE also empties every table that references the truncated ones, however far the chain goes.",
        rationale: "The list of tables emptied is not in the statement: a foreign key added later silently widens it.",
        safeAlternative: "Name every table to truncate explicitly, without CASCADE.",
        bad: [RuleExample("TRUNCATE users CASCADE;", baseline: "CREATE TABLE users (id int PRIMARY KEY);")],
        good: [RuleExample("TRUNCATE users;", baseline: "CREATE TABLE users (id int PRIMARY KEY);")],
        equivalents: [Equivalent(.squawk, "ban-truncate-cascade")])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.truncate]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard case .truncate(let t) = s.node, t.behavior == .cascade else { return [] }
        return [context.finding(s, "TRUNCATE ... CASCADE also empties every table that references \(t.tables.map(\.name.dotted).joined(separator: ", "))")]
    }
}

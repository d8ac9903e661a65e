import SQLSyntax

/// REVOKE of privileges.
struct BanRevoke: StatementRule {
    static let metadata = RuleMetadata(
        id: "ban-revoke",
        title: "Revoking privileges",
        category: .compatibility, severity: .warning,
        summary: "REVOKE takes away privileges the running application's role may need.",
        rationale: "SPEC §2 counts REVOKE as destructive: blue's queries fail with permission errors as soon as it commits. It belongs in the contract phase.",
        safeAlternative: "Revoke in the contract phase, after every deployed version stopped needing the privilege.",
        bad: [RuleExample("REVOKE INSERT ON users FROM app;", baseline: "CREATE TABLE users (id int);")],
        good: [RuleExample("GRANT SELECT ON users TO app;", baseline: "CREATE TABLE users (id int);")],
        equivalents: [Equivalent(.squawk, "ban-revoke")])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.grant]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard case .grant(let g) = s.node, !g.isGrant else { return [] }
        let what = g.privileges.map { $0.name.uppercased() }.joined(separator: ", ")
        let on = g.objects.map(\.name.dotted).joined(separator: ", ")
        return [context.finding(s, "revoking \(what)\(on.isEmpty ? "" : " on \(on)") may break the running application's queries")]
    }
}

import SQLSyntax

/// ALTER DOMAIN ... ADD CONSTRAINT.
struct BanAlterDomainWithAddConstraint: StatementRule {
    static let metadata = RuleMetadata(
        id: "ban-alter-domain-with-add-constraint",
        title: "Adding a constraint to a domain",
        category: .lock, severity: .warning,
        summary: "ALTER DOMAIN ... ADD CONSTRAINT checks every column of every table that uses the domain, holding locks on them.",
        rationale: "The check runs over all rows of all those tables; NOT VALID skips it, but then a later VALIDATE still scans them all.",
        safeAlternative: "Add the constraint NOT VALID and VALIDATE it separately, or put CHECKs on the table columns instead.",
        bad: [RuleExample("ALTER DOMAIN code ADD CONSTRAINT code_len CHECK (length(VALUE) < 10);", baseline: "CREATE DOMAIN code AS text;")],
        good: [RuleExample("ALTER DOMAIN code ADD CONSTRAINT code_len CHECK (length(VALUE) < 10) NOT VALID;", baseline: "CREATE DOMAIN code AS text;")],
        equivalents: [Equivalent(.squawk, "ban-alter-domain-with-add-constraint")])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.alterDomain]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard case .alterDomain(let d) = s.node, case .addConstraint(let c) = d.action, !c.notValid else { return [] }
        return [context.finding(s, "adding a constraint to domain \(d.name.dotted) checks every column that uses it")]
    }
}

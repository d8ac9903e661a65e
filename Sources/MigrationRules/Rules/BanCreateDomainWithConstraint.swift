import SQLSyntax

/// CREATE DOMAIN ... CHECK.
struct BanCreateDomainWithConstraint: StatementRule {
    static let metadata = RuleMetadata(
        id: "ban-create-domain-with-constraint",
        title: "Domain with a constraint",
        category: .design, severity: .info,
        summary: "A CHECK on a domain is hard to change later: altering it re-checks every column of that domain under a lock.",
        rationale: "ALTER DOMAIN ... ADD CONSTRAINT scans every table column that uses the domain, and domain constraints cannot be swapped online the way table CHECKs can.",
        safeAlternative: "Put the CHECK on the table columns (where NOT VALID and VALIDATE work).",
        bad: [RuleExample("CREATE DOMAIN positive_int AS int CHECK (VALUE > 0);")],
        good: [RuleExample("CREATE DOMAIN code AS text;")],
        equivalents: [Equivalent(.squawk, "ban-create-domain-with-constraint")])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.createDomain]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard case .createDomain(let d) = s.node,
            d.constraints.contains(where: { if case .check = $0.body { return true } else { return false } })
        else { return [] }
        return [context.finding(s, "domain \(d.name.dotted) has a CHECK constraint; changing it later re-checks every column of the domain")]
    }
}

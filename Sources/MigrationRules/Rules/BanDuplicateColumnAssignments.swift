import SQLSyntax

/// The same column assigned twice in one UPDATE, INSERT or table definition.
struct BanDuplicateColumnAssignments: StatementRule {
    static let metadata = RuleMetadata(
        id: "ban-duplicate-column-assignments",
        title: "Column assigned twice",
        category: .correctness, severity: .error,
        summary: "An UPDATE's SET list or an INSERT's column list names the same column twice.",
        rationale: "PostgreSQL rejects it (\"multiple assignments to same column\", SQLSTATE 42601); it is usually a copy-paste slip that hides the intended value.",
        safeAlternative: "Assign each column once.",
        dialects: [.postgres, .sqlite],
        bad: [
            RuleExample("UPDATE users SET plan = 'a', plan = 'b' WHERE id = 1;", baseline: "CREATE TABLE users (id int, plan text);"),
            RuleExample("INSERT INTO users (id, id) VALUES (1, 2);", baseline: "CREATE TABLE users (id int, plan text);"),
        ],
        good: [RuleExample("UPDATE users SET plan = 'a' WHERE id = 1;", baseline: "CREATE TABLE users (id int, plan text);")],
        equivalents: [Equivalent(.squawk, "ban-duplicate-column-assignments")])

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        var names: [Identifier] = []
        switch s.node {
        case .update(let u):
            for clause in u.set {
                switch clause {
                case .single(let c, _) where c.indirection.isEmpty && !c.hasSubscript: names.append(c.name)
                case .multiple(let cs, _): names += cs.filter { $0.indirection.isEmpty && !$0.hasSubscript }.map(\.name)
                default: break
                }
            }
        case .insert(let i):
            names = i.columns.filter { $0.indirection.isEmpty && !$0.hasSubscript }.map(\.name)
        default: return []
        }
        // Each name against those before it: a statement names a handful (a
        // backfill of thousands of batches names two each), no set needed.
        var out: [Finding] = []
        for (k, name) in names.enumerated() where names[..<k].contains(where: { $0.value == name.value }) {
            out.append(context.finding(s, "column \(name.value) is assigned more than once", span: name.span.length > 0 ? name.span : nil))
        }
        return out
    }
}

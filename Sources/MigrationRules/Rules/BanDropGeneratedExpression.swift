import SQLSyntax

/// ALTER COLUMN ... DROP EXPRESSION.
struct BanDropGeneratedExpression: StatementRule {
    static let metadata = RuleMetadata(
        id: "ban-drop-generated-expression",
        title: "Dropping a generation expression",
        category: .compatibility, severity: .warning,
        summary: "DROP EXPRESSION turns a generated column into a plain one: new rows no longer get a computed value.",
        rationale: "Blue relies on the database computing the column; after the change its INSERTs leave it NULL (or fail on NOT NULL), and a rollback cannot bring the expression back without a rewrite.",
        safeAlternative: "Make every deployed version write the column itself first; drop the expression in the contract phase.",
        bad: [RuleExample("ALTER TABLE items ALTER COLUMN total DROP EXPRESSION;", baseline: "CREATE TABLE items (price int, qty int, total int GENERATED ALWAYS AS (price * qty) STORED);")],
        good: [RuleExample("ALTER TABLE items ALTER COLUMN total SET STATISTICS 100;", baseline: "CREATE TABLE items (price int, qty int, total int GENERATED ALWAYS AS (price * qty) STORED);")],
        equivalents: [Equivalent(.squawk, "ban-drop-generated-expression")])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.alterTable]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard let a = s.alterTable else { return [] }
        var out: [Finding] = []
        for case .alterColumn(let name, .dropExpression) in a.actions {
            out.append(context.finding(s, "\(a.name.dotted).\(name.value) stops being generated: blue's INSERTs no longer fill it"))
        }
        return out
    }
}

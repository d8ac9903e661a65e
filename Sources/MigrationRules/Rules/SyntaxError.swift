import SQLSyntax

/// The statement does not parse.
struct SyntaxError: StatementRule {
    static let metadata = RuleMetadata(
        id: "syntax-error",
        title: "Syntax error",
        category: .correctness, severity: .error,
        summary: "The statement does not parse, so the server would reject it and switchgate cannot judge it.",
        rationale: "A migration with a syntax error fails on deploy. Every other statement is still analysed.",
        safeAlternative: "Fix the statement.",
        dialects: [.postgres, .sqlite],
        bad: [RuleExample("CREATE TABLE t (id int,);")],
        good: [RuleExample("CREATE TABLE t (id int);")],
        equivalents: [Equivalent(.squawk, "syntax-error")])

    static let readsDataStatements = false

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard s.statement == nil else { return [] }
        return [context.finding(s, s.syntaxError ?? "syntax error")]
    }
}

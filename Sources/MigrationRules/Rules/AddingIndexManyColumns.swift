import SQLSyntax

/// Non-unique index over more than three columns.
struct AddingIndexManyColumns: StatementRule {
    static let metadata = RuleMetadata(
        id: "adding-index-many-columns",
        title: "Non-unique index on more than three columns",
        category: .design, severity: .info,
        summary: "A non-unique B-tree index with more than three key columns rarely helps more than a narrower one, and costs writes and space.",
        rationale: "Queries seldom filter on all the leading columns; each extra key column makes the index bigger and every write slower.",
        safeAlternative: "Index the columns queries actually filter on (often one to three), or use INCLUDE for covered columns.",
        dialects: [.postgres, .sqlite],
        bad: [RuleExample("CREATE TABLE t (a int, b int, c int, d int);\nCREATE INDEX t_abcd ON t (a, b, c, d);")],
        good: [RuleExample("CREATE TABLE t (a int, b int, c int, d int);\nCREATE INDEX t_ab ON t (a, b) INCLUDE (c, d);")],
        equivalents: [Equivalent(.strongMigrations, "add_index_columns")])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.createIndex]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard case .createIndex(let i) = s.node, !i.unique, i.keys.count > 3 else { return [] }
        return [context.finding(s, "this non-unique index has \(i.keys.count) key columns; more than three rarely helps")]
    }
}

import SQLSyntax
import SchemaCatalog

/// The server would refuse the statement, as replay on the catalog shows.
struct StatementFails: StatementRule {
    static let metadata = RuleMetadata(
        id: "statement-fails",
        title: "Statement would fail on the server",
        category: .correctness, severity: .error,
        summary: "Replaying the migration on the schema before it shows the server would reject this statement: an object already exists or is missing, a DROP has dependents and no CASCADE, a type does not match.",
        rationale: """
            switchgate applies every statement to the catalog exactly as PostgreSQL (or SQLite) would, with the \
            server's SQLSTATE. A statement it refuses would stop the deploy half-way; the analysis goes on as if \
            the statement had not run. A failure on a migration tool's own bookkeeping table \
            (`__diesel_schema_migrations`, `schema_migrations`, `goose_db_version`, ...) is only info: the tool \
            creates it at run time.
            """,
        safeAlternative: "Fix the statement for the schema it actually runs on (IF [NOT] EXISTS, the right name, CASCADE where intended, or an earlier statement that creates what it needs).",
        dialects: [.postgres, .sqlite],
        bad: [
            RuleExample("CREATE TABLE users (id int);", baseline: "CREATE TABLE users (id int);"),
            RuleExample("ALTER TABLE missing ADD COLUMN a int;"),
            RuleExample("DROP TABLE users;", baseline: "CREATE TABLE users (id int);\nCREATE VIEW active AS SELECT id FROM users;"),
        ],
        good: [
            RuleExample("CREATE TABLE IF NOT EXISTS users (id int);", baseline: "CREATE TABLE users (id int);"),
            RuleExample("DROP TABLE users CASCADE;", baseline: "CREATE TABLE users (id int);\nCREATE VIEW active AS SELECT id FROM users;"),
        ])

    /// Tables migration tools create for their own bookkeeping.
    static let toolTables = [
        "__diesel_schema_migrations", "schema_migrations", "goose_db_version", "flyway_schema_history",
        "_sqlx_migrations", "_prisma_migrations", "sqitch.changes", "migrations",
    ]

    static let readsDataStatements = false

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard let failure = s.failure else { return [] }
        var notes: [String] = []
        if let detail = failure.detail { notes.append(detail) }
        // The bookkeeping tables of migration tools exist at run time but in no migration.
        let toolTable = Self.toolTables.first { failure.message.containsBytes("\"\($0)\"") }
        if let toolTable { notes.append("\(toolTable) is created by the migration tool itself, not by a migration") }
        return [context.finding(
            s, "\(failure.message) (SQLSTATE \(failure.sqlState))", severity: toolTable == nil ? nil : .info,
            span: failure.span.flatMap { $0.length > 0 ? $0 : nil }, notes: notes)]
    }
}

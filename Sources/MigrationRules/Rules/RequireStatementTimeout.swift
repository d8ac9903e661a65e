import SQLSyntax
import SchemaCatalog

/// A blocking lock on a table with rows, without `SET statement_timeout` first.
struct RequireStatementTimeout: Rule {
    static let metadata = RuleMetadata(
        id: "require-statement-timeout",
        title: "Blocking statement without statement_timeout",
        category: .lock, severity: .warning, optIn: true, lockHazard: true,
        summary: "A statement that blocks writes to an existing table runs with no statement_timeout set (opt-in).",
        rationale: """
            A statement_timeout bounds how long a migration can hold a blocking lock if a scan or rewrite takes \
            longer than planned. Off by default: long, deliberate backfills and CONCURRENTLY builds need no limit.
            """,
        safeAlternative: "`SET statement_timeout = '5s';` before the statement (or `SET LOCAL` inside the transaction).",
        bad: [RuleExample("ALTER TABLE users ADD COLUMN plan text;", baseline: "CREATE TABLE users (id int);")],
        good: [RuleExample("SET statement_timeout = '5s';\nALTER TABLE users ADD COLUMN plan text;", baseline: "CREATE TABLE users (id int);")],
        equivalents: [Equivalent(.squawk, "require-statement-timeout"), Equivalent(.squawk, "require-timeout-settings")])

    func check(_ context: RuleContext) -> [Finding] {
        TimeoutTracker.statementsWithout("statement_timeout", context) { s in
            s.effects.locks.first { lock in
                lock.mode.blocksWrites && lock.kind == .table && context.isExistingTable(lock.relation, before: s)
            }?.relation
        }.map { s, table in
            Finding(statement: s.index, message: "blocks writes to \(display(table)) with no statement_timeout set", table: table)
        }
    }
}

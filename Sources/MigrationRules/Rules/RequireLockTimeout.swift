import SQLSyntax
import SchemaCatalog

/// ACCESS EXCLUSIVE on a table with rows, without `SET lock_timeout` first.
struct RequireLockTimeout: Rule {
    static let metadata = RuleMetadata(
        id: "require-lock-timeout",
        title: "ACCESS EXCLUSIVE without lock_timeout",
        category: .lock, severity: .warning, lockHazard: true,
        summary: "A statement takes ACCESS EXCLUSIVE on an existing table while no lock_timeout is set.",
        rationale: """
            Even an instant ALTER TABLE waits for its lock behind any running query on the table, and while it \
            waits, every later query on the table queues behind it: a long report turns a millisecond DDL into \
            an outage. With lock_timeout the statement gives up instead, and can be retried.
            """,
        safeAlternative: "`SET lock_timeout = '2s';` (or `SET LOCAL` inside the transaction) before the statement, and retry on timeout.",
        bad: [RuleExample("ALTER TABLE users ADD COLUMN plan text;", baseline: "CREATE TABLE users (id int);")],
        good: [
            RuleExample("SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN plan text;", baseline: "CREATE TABLE users (id int);"),
            RuleExample("CREATE TABLE users (id int);\nALTER TABLE users ADD COLUMN plan text;"),
        ],
        equivalents: [
            Equivalent(.squawk, "require-lock-timeout"), Equivalent(.squawk, "require-timeout-settings"),
            Equivalent(.eugene, "E9"),
        ])

    func check(_ context: RuleContext) -> [Finding] {
        TimeoutTracker.statementsWithout("lock_timeout", context) { s in
            s.effects.locks.first { lock in
                lock.mode == .accessExclusive && lock.kind == .table && context.isExistingTable(lock.relation, before: s)
            }?.relation
        }.map { s, table in
            Finding(statement: s.index, message: "takes ACCESS EXCLUSIVE on \(display(table)) with no lock_timeout set: if it waits, every query on the table queues behind it", table: table)
        }
    }
}

/// Follows `SET [LOCAL] name = ...` through each file's session and transactions.
enum TimeoutTracker {
    static func statementsWithout(
        _ setting: String, _ context: RuleContext, needs: (MigrationStatement) -> ObjectKey?
    ) -> [(MigrationStatement, ObjectKey)] {
        var out: [(MigrationStatement, ObjectKey)] = []
        var sessionSet: [String: Bool] = [:]
        var localSet: [Int: Bool] = [:]
        // A file's statements come one after another: its session setting is
        // kept at hand while they do, not looked up by path for each.
        var file: String?
        var sessionOn = false
        for s in context.analysis.statements {
            if s.file != file {
                if let file { sessionSet[file] = sessionOn }
                file = s.file
                sessionOn = sessionSet[s.file] ?? false
            }
            if case .setVariable(let v) = s.node, v.name == setting {
                let on: Bool
                switch v.action {
                case .set: on = !(v.values.first.map { ["0", "'0'", "0s", "0ms"].contains($0.lowercased()) } ?? true)
                case .reset, .setDefault: on = false
                default: continue
                }
                if v.scope == .local, let t = s.transaction {
                    localSet[t] = on
                } else {
                    sessionOn = on
                }
                continue
            }
            let active = (s.transaction.flatMap { localSet[$0] } ?? false) || sessionOn
            if !active, let table = needs(s) { out.append((s, table)) }
        }
        return out
    }
}

import SQLSyntax
import SchemaCatalog

/// A slow statement later in a transaction that already holds a blocking lock.
struct LockHeldAcrossStatements: Rule {
    static let metadata = RuleMetadata(
        id: "lock-held-across-statements",
        title: "Slow statement while the transaction holds a blocking lock",
        category: .lock, severity: .error, lockHazard: true,
        summary: "Locks are held until COMMIT: a scan, rewrite, index build or backfill later in the same transaction keeps an earlier ACCESS EXCLUSIVE (or EXCLUSIVE) lock for its whole duration.",
        rationale: """
            A brief ALTER TABLE becomes an outage when a slow statement follows it in the same transaction: \
            the table stays locked until COMMIT. This is how an instant `ADD COLUMN` turns into minutes of \
            blocked reads when a backfill or an index build runs after it in the same migration file.
            """,
        safeAlternative: "Commit right after the statement that takes the lock, and run the slow statement in its own transaction (or file).",
        bad: [
            RuleExample("""
                BEGIN;
                ALTER TABLE users ADD COLUMN plan text;
                UPDATE orders SET status = 'new' WHERE status IS NULL;
                COMMIT;
                """, baseline: "CREATE TABLE users (id int);\nCREATE TABLE orders (id int, status text);")
        ],
        good: [
            RuleExample("""
                ALTER TABLE users ADD COLUMN plan text;
                UPDATE orders SET status = 'new' WHERE status IS NULL;
                """, baseline: "CREATE TABLE users (id int);\nCREATE TABLE orders (id int, status text);")
        ],
        equivalents: [Equivalent(.eugene, "E4"), Equivalent(.strongMigrations, "backfill")])

    func check(_ context: RuleContext) -> [Finding] {
        let analysis = context.analysis
        var out: [Finding] = []
        for transaction in analysis.transactions {
            // Read-blocking locks on existing tables, with the statement that took them.
            var held: [ObjectKey: (mode: LockMode, statement: Int)] = [:]
            var reported: Set<ObjectKey> = []
            for i in transaction.statements {
                let s = analysis.statements[i]
                if !held.isEmpty, let slow = slowWork(s, context) {
                    var tables: [(ObjectKey, LockMode, Int)] = []
                    for (table, lock) in held.sorted(by: { $0.key < $1.key }) where !reported.contains(table) {
                        // A VALIDATE after its own ADD is validate-in-same-transaction.
                        if case .alterTable(let a) = s.node,
                            a.actions.contains(where: { if case .validateConstraint = $0 { return true } else { return false } }),
                            context.table(a.name, before: s) == table
                        {
                            continue
                        }
                        // The slow statement locks the table as strongly itself: its own rule reports it.
                        if let own = s.effects.mode(on: table), own >= lock.mode { continue }
                        reported.insert(table)
                        tables.append((table, lock.mode, lock.statement))
                    }
                    if let first = tables.first {
                        let list = tables.map { "\($0.1) on \(display($0.0)) (line \(analysis.statements[$0.2].line))" }
                            .joined(separator: ", ")
                        out.append(Finding(
                            statement: i,
                            message: "\(slow) while this transaction holds \(list): every query on \(tables.count == 1 ? "that table" : "those tables") waits until COMMIT",
                            table: first.0))
                    }
                }
                // Locks that block reads (ACCESS EXCLUSIVE, EXCLUSIVE) on tables with rows, held until COMMIT.
                for lock in s.effects.locks where lock.kind == .table && lock.mode.blocksReads {
                    guard context.isExistingTable(lock.relation, before: s) else { continue }
                    if let existing = held[lock.relation], existing.mode >= lock.mode { continue }
                    held[lock.relation] = (lock.mode, i)
                }
            }
        }
        return out
    }

    /// What makes the statement take long, if anything: reading or copying a table with rows.
    func slowWork(_ s: MigrationStatement, _ context: RuleContext) -> String? {
        let existing = { (t: ObjectKey) in context.isExistingTable(t, before: s) }
        if let t = s.effects.rewrites.sorted().first(where: existing) { return "rewriting \(display(t))" }
        if let t = s.effects.scans.sorted().first(where: existing) {
            if case .createIndex = s.node { return "building an index on \(display(t))" }
            return "scanning \(display(t))"
        }
        if s.isData {
            let tables = s.effects.locks.filter { $0.kind == .table && existing($0.relation) }.map(\.relation)
            if let t = tables.first { return "a backfill of \(display(t))" }
        }
        return nil
    }
}

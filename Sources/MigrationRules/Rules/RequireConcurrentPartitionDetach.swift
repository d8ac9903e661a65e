import SQLSyntax
import SchemaCatalog

/// DETACH PARTITION without CONCURRENTLY.
struct RequireConcurrentPartitionDetach: StatementRule {
    static let metadata = RuleMetadata(
        id: "require-concurrent-partition-detach",
        title: "Detaching a partition without CONCURRENTLY",
        category: .lock, severity: .warning, lockHazard: true,
        summary: "DETACH PARTITION takes ACCESS EXCLUSIVE on the partitioned table; PostgreSQL 14 added a CONCURRENTLY form.",
        rationale: """
            Every query on the partitioned table waits while DETACH PARTITION waits for its ACCESS EXCLUSIVE lock. \
            From PostgreSQL 14, DETACH PARTITION ... CONCURRENTLY takes only SHARE UPDATE EXCLUSIVE on the parent.
            """,
        safeAlternative: "`ALTER TABLE parent DETACH PARTITION part CONCURRENTLY;` outside a transaction block (PostgreSQL 14+).",
        bad: [
            RuleExample("ALTER TABLE events DETACH PARTITION events_2020;", baseline: """
                CREATE TABLE events (at date) PARTITION BY RANGE (at);
                CREATE TABLE events_2020 PARTITION OF events FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
                """)
        ],
        good: [
            RuleExample("ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;", baseline: """
                CREATE TABLE events (at date) PARTITION BY RANGE (at);
                CREATE TABLE events_2020 PARTITION OF events FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
                """)
        ],
        equivalents: [Equivalent(.squawk, "require-concurrent-partition-detach")])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.alterTable]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard let a = s.alterTable, let table = context.alteredTable(a, s), context.isExistingTable(table, before: s)
        else { return [] }
        var out: [Finding] = []
        for case .detachPartition(let partition, .normal) in a.actions {
            let help = context.postgresVersion >= 14 ? nil : "Before PostgreSQL 14 there is no concurrent form: run it with a short `SET lock_timeout` and retry."
            out.append(context.finding(
                s, "detaching \(partition.dotted) takes ACCESS EXCLUSIVE on \(display(table))", table: table, help: help))
        }
        return out
    }
}

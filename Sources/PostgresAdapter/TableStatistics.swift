import SchemaCatalog

/// How big a table is, for grading lock hazards (SPEC §3: a hazard on a small
/// table is downgraded to a warning).
public struct TableStatistics: Hashable, Sendable {
    /// The table's schema.
    public var schema: String
    /// The table's (or materialized view's) name.
    public var table: String
    /// The planner's estimate (`pg_class.reltuples`); nil when the table was never
    /// vacuumed or analyzed. For a partitioned table, the sum over its leaf partitions.
    public var rows: Int64?
    /// `pg_total_relation_size`: heap, indexes and TOAST, in bytes; for a
    /// partitioned table, the sum over its leaf partitions.
    public var bytes: Int64

    public init(schema: String, table: String, rows: Int64?, bytes: Int64) {
        self.schema = schema
        self.table = table
        self.rows = rows
        self.bytes = bytes
    }

    /// The table's key in a `Catalog`.
    public var key: ObjectKey { ObjectKey(schema, table) }
}

/// Sizes of every table and materialized view in user schemas, read-only.
///
/// `pg_total_relation_size` takes a brief ACCESS SHARE lock on each table; a
/// `lock_timeout` of 10 seconds keeps a migration's ACCESS EXCLUSIVE lock from
/// stalling the read forever (the read then fails with SQLSTATE 55P03).
public func tableStatistics(_ conn: PostgresConnection) throws(PostgresError) -> [TableStatistics] {
    guard conn.transactionStatus == .idle else {
        throw .invalidState("reading table statistics needs a connection that is not inside a transaction block")
    }
    // pg_partition_tree arrived in PostgreSQL 12; before it, a partitioned parent reports its own (empty) size.
    let partitionedRows =
        conn.serverMajorVersion >= 12
        ? """
        (SELECT sum(p.reltuples) FILTER (WHERE p.reltuples >= 0) FROM pg_partition_tree(c.oid) t
         JOIN pg_class p ON p.oid = t.relid WHERE t.isleaf)
        """ : "NULL"
    let partitionedBytes =
        conn.serverMajorVersion >= 12
        ? "(SELECT sum(pg_total_relation_size(t.relid)) FROM pg_partition_tree(c.oid) t WHERE t.isleaf)"
        : "pg_total_relation_size(c.oid)"
    try conn.execute("BEGIN READ ONLY; SET LOCAL lock_timeout = '10s'")
    do {
        let result = try conn.query(
            """
            SELECT n.nspname, c.relname,
                   CASE WHEN c.relkind = 'p' THEN \(partitionedRows) ELSE c.reltuples::float8 END AS rows,
                   CASE WHEN c.relkind = 'p' THEN \(partitionedBytes) ELSE pg_total_relation_size(c.oid) END AS bytes
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'm') AND \(IntrospectionRun.userSchema)
              AND \(IntrospectionRun.notFromExtension("pg_class", "c.oid"))
            ORDER BY n.nspname, c.relname
            """)
        try conn.execute("COMMIT")
        var statistics: [TableStatistics] = []
        for row in result.namedRows {
            let rows = row["rows"].flatMap(Double.init).flatMap { $0 < 0 ? nil : Int64(exactly: $0.rounded()) }
            let bytes = row["bytes"].flatMap { Int64($0) } ?? 0
            statistics.append(
                TableStatistics(schema: try row.string("nspname"), table: try row.string("relname"), rows: rows, bytes: bytes))
        }
        return statistics
    } catch {
        _ = try? conn.execute("ROLLBACK")
        throw error
    }
}

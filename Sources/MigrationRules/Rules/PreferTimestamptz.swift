import SQLSyntax

/// timestamp without time zone columns.
struct PreferTimestamptz: ColumnTypeRule {
    static let metadata = RuleMetadata(
        id: "prefer-timestamptz",
        title: "timestamp without time zone",
        category: .design, severity: .info,
        summary: "timestamp (without time zone) drops the offset, so the stored instant depends on each client's time zone.",
        rationale: "timestamptz stores an absolute instant; converting a timestamp column later is a rewrite unless the session time zone is UTC (PostgreSQL 12+).",
        safeAlternative: "Use timestamptz.",
        bad: [RuleExample("CREATE TABLE events (at timestamp);")],
        good: [RuleExample("CREATE TABLE events (at timestamptz);")],
        equivalents: [Equivalent(.squawk, "prefer-timestamptz")])

    func complaint(_ w: WrittenColumnType, _ context: RuleContext) -> String? {
        w.baseName == "timestamp" ? "\(w.column.value) is timestamp without time zone; prefer timestamptz" : nil
    }
}

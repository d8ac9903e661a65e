import SQLSyntax

/// 16-bit integer columns.
struct PreferBigintOverSmallint: ColumnTypeRule {
    static let metadata = RuleMetadata(
        id: "prefer-bigint-over-smallint",
        title: "16-bit integer column",
        category: .design, severity: .info,
        summary: "smallint (and smallserial) columns overflow at 32,767; changing the type later rewrites the table.",
        rationale: "Widening smallint is not binary-coercible: a full rewrite under ACCESS EXCLUSIVE once the values outgrow it.",
        safeAlternative: "Use bigint, or integer when the range is truly bounded.",
        bad: [RuleExample("CREATE TABLE events (kind smallint);")],
        good: [RuleExample("CREATE TABLE events (kind bigint);")],
        equivalents: [Equivalent(.squawk, "prefer-bigint-over-smallint")])

    func complaint(_ w: WrittenColumnType, _ context: RuleContext) -> String? {
        ["int2", "smallint", "smallserial", "serial2"].contains(w.baseName) && w.type.arrayBounds.isEmpty
            ? "\(w.column.value) is a 16-bit integer, which overflows at 32,767" : nil
    }
}

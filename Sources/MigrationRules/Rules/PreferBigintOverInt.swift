import SQLSyntax

/// 32-bit integer columns.
struct PreferBigintOverInt: ColumnTypeRule {
    static let metadata = RuleMetadata(
        id: "prefer-bigint-over-int",
        title: "32-bit integer column",
        category: .design, severity: .info,
        summary: "integer (and serial) columns overflow at 2,147,483,647; changing the type later rewrites the table.",
        rationale: "Ids and counters outgrow 32 bits in busy tables, and int to bigint is not binary-coercible: a full rewrite under ACCESS EXCLUSIVE.",
        safeAlternative: "Use bigint (or bigserial / GENERATED AS IDENTITY on bigint).",
        bad: [RuleExample("CREATE TABLE events (id serial PRIMARY KEY);"), RuleExample("CREATE TABLE events (id integer);")],
        good: [RuleExample("CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);")],
        equivalents: [Equivalent(.squawk, "prefer-bigint-over-int")])

    func complaint(_ w: WrittenColumnType, _ context: RuleContext) -> String? {
        ["int4", "int", "integer", "serial", "serial4"].contains(w.baseName) && w.type.arrayBounds.isEmpty
            ? "\(w.column.value) is a 32-bit integer, which overflows at 2,147,483,647" : nil
    }
}

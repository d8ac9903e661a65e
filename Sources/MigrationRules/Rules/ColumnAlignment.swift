import SQLSyntax

/// CREATE TABLE whose fixed-width columns waste bytes on alignment padding.
struct ColumnAlignment: StatementRule {
    static let metadata = RuleMetadata(
        id: "column-alignment",
        title: "Column order wastes alignment padding",
        category: .design, severity: .info,
        summary: "Fixed-width columns in CREATE TABLE are ordered so that PostgreSQL pads each row; widest-first would store the same data in fewer bytes.",
        rationale: "PostgreSQL aligns 8-byte types (bigint, timestamptz, float8) on 8 bytes and 4-byte types on 4: a bool before a bigint costs 7 bytes of padding per row, forever, since columns cannot be reordered later.",
        safeAlternative: "Declare 8-byte columns first, then 4-byte, 2-byte and 1-byte ones, then variable-length columns.",
        bad: [RuleExample("CREATE TABLE events (active boolean, id bigint, flag boolean, at timestamptz);")],
        good: [RuleExample("CREATE TABLE events (id bigint, at timestamptz, active boolean, flag boolean);")],
        equivalents: [Equivalent(.atlas, "PG110")])

    /// Size and alignment of fixed-width built-in types.
    static let fixed: [String: Int] = [
        "int8": 8, "bigint": 8, "bigserial": 8, "serial8": 8, "float8": 8, "timestamp": 8, "timestamptz": 8,
        "time": 8, "money": 8, "int4": 4, "int": 4, "integer": 4, "serial": 4, "serial4": 4, "float4": 4,
        "date": 4, "oid": 4, "int2": 2, "smallint": 2, "smallserial": 2, "serial2": 2, "bool": 1, "boolean": 1,
    ]

    static func padding(_ sizes: [Int]) -> Int {
        var offset = 0
        var wasted = 0
        for size in sizes {
            let aligned = (offset + size - 1) / size * size
            wasted += aligned - offset
            offset = aligned + size
        }
        return wasted
    }

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.createTable]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard case .createTable(let t) = s.node else { return [] }
        // Only the leading run of fixed-width columns has a known layout.
        var sizes: [Int] = []
        for column in t.columns {
            guard let type = column.type, type.arrayBounds.isEmpty, let size = Self.fixed[type.baseName] else { break }
            sizes.append(size)
        }
        let wasted = Self.padding(sizes) - Self.padding(sizes.sorted(by: >))
        guard wasted >= 4 else { return [] }
        return [context.finding(s, "the column order of \(t.name.dotted) wastes \(wasted) bytes of padding per row; put wider fixed-width columns first")]
    }
}

import SchemaCatalog

/// Turns a type OID and a type modifier into a `ColumnType` whose `sql` is what
/// `format_type(oid, typmod)` prints (with `pg_catalog, public` as the search path).
///
/// The rules are those of PostgreSQL's `format_type.c`: a "true array" (an element
/// type, subscripted by `array_subscript_handler`, not of PLAIN storage) prints as
/// its element plus `[]`, with the array's typmod applied to the element; the
/// modifiers of the built-in types are decoded as their `typmodout` functions do.
struct TypeResolver {
    struct TypeInfo {
        var schema: String
        var name: String
        var element: UInt32
        var isArray: Bool
    }

    private(set) var types: [UInt32: TypeInfo] = [:]

    init(_ conn: PostgresConnection) throws(PostgresError) {
        // PostgreSQL 14 introduced typsubscript; before it, arrays were varlena types with an element.
        let arrayTest =
            conn.serverMajorVersion >= 14
            ? "t.typelem <> 0 AND t.typsubscript = 'array_subscript_handler'::regproc AND t.typstorage <> 'p'"
            : "t.typelem <> 0 AND t.typlen = -1 AND t.typstorage <> 'p'"
        let result = try conn.query(
            """
            SELECT t.oid, n.nspname, t.typname, t.typelem, (\(arrayTest)) AS is_array
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            """)
        for row in result.namedRows {
            types[try row.oid("oid")] = TypeInfo(
                schema: try row.string("nspname"), name: try row.string("typname"), element: try row.oid("typelem"),
                isArray: try row.bool("is_array"))
        }
    }

    /// The type of a column, attribute or argument. `formatted` (format_type's own
    /// spelling) is only used to read the modifiers of a type this resolver does not
    /// know how to decode, such as an extension type with a `typmodout` function.
    func columnType(oid: UInt32, typmod: Int, formatted: String? = nil) throws(PostgresError) -> ColumnType {
        guard let info = types[oid] else { throw .unexpectedResult("unknown type oid \(oid)") }
        if info.isArray {
            guard types[info.element] != nil else { throw .unexpectedResult("unknown element type oid \(info.element)") }
            var element = try columnType(oid: info.element, typmod: typmod, formatted: formatted.map(Self.droppingArraySuffix))
            element.isArray = true
            return element
        }
        let builtin = info.schema == "pg_catalog"
        var type = ColumnType(schema: builtin ? nil : info.schema, name: info.name)
        guard typmod >= 0 else { return type }
        switch (builtin, info.name) {
        case (true, "varchar"), (true, "bpchar"):
            type.modifiers = typmod >= 4 ? [typmod - 4] : []
        case (true, "numeric"):
            // (precision << 16 | scale) + VARHDRSZ; the scale is an 11-bit signed field (PostgreSQL 15+).
            let packed = typmod - 4
            type.modifiers = [(packed >> 16) & 0xFFFF, ((packed & 0x7FF) ^ 1024) - 1024]
        case (true, "bit"), (true, "varbit"), (true, "timestamp"), (true, "timestamptz"), (true, "time"),
            (true, "timetz"):
            type.modifiers = [typmod]
        case (true, "interval"):
            let precision = typmod & 0xFFFF
            type.intervalFields = Self.intervalFields[(typmod >> 16) & 0x7FFF]
            type.modifiers = precision == 0xFFFF ? [] : [precision]
        default:
            type.modifiers = formatted.map(Self.trailingModifiers) ?? []
        }
        return type
    }

    // interval's range bits (datetime.h): MONTH 1, YEAR 2, DAY 3, HOUR 10, MINUTE 11, SECOND 12.
    private static let intervalFields: [Int: String] = {
        let month = 1 << 1, year = 1 << 2, day = 1 << 3, hour = 1 << 10, minute = 1 << 11, second = 1 << 12
        return [
            year: "year", month: "month", day: "day", hour: "hour", minute: "minute", second: "second",
            year | month: "year to month", day | hour: "day to hour", day | hour | minute: "day to minute",
            day | hour | minute | second: "day to second", hour | minute: "hour to minute",
            hour | minute | second: "hour to second", minute | second: "minute to second",
        ]
    }()

    private static func droppingArraySuffix(_ text: String) -> String {
        text.hasSuffix("[]") ? String(text.dropLast(2)) : text
    }

    /// `geometry(Point,4326)` has no integer modifiers to keep; `foo(3,2)` has [3, 2].
    private static func trailingModifiers(_ formatted: String) -> [Int] {
        guard formatted.hasSuffix(")"), let open = formatted.lastIndex(of: "(") else { return [] }
        let inner = formatted[formatted.index(after: open)..<formatted.index(before: formatted.endIndex)]
        let numbers = inner.split(separator: ",").map { Int($0.trimmingSpaces) }
        guard !numbers.isEmpty, numbers.allSatisfy({ $0 != nil }) else { return [] }
        return numbers.compactMap { $0 }
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return s
    }
}

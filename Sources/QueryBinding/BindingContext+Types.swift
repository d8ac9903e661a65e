import SQLSyntax
import SchemaCatalog

// Types, as far as a schema change can make a query fail on them: PostgreSQL's
// type categories (`pg_type.typcategory`), which comparisons have an operator,
// which assignments have a cast, and which literals a type accepts.

/// PostgreSQL's type categories, with the enum types told apart.
enum TypeCategory: Hashable {
    case numeric, string, boolean, datetime, time, timespan, uuid, json, jsonb, bytea, network, bit
    case enumeration(ObjectKey)
    /// A known type with no rule here (geometric, ranges, composites, extension types).
    case other
}

extension BindingContext {
    /// The category of a type; nil for arrays (compared by element) and types
    /// this binder does not reason about.
    func category(_ type: ColumnType) -> TypeCategory? {
        guard !type.isArray else { return nil }
        if let schema = type.schema {
            guard let user = catalog.types[ObjectKey(schema, type.name)] else { return nil }
            switch user.definition {
            case .enumeration: return .enumeration(ObjectKey(schema, type.name))
            case .domain(let domain): return category(domain.baseType)
            default: return nil
            }
        }
        switch type.name {
        case "int2", "int4", "int8", "numeric", "float4", "float8", "oid": return .numeric
        case "text", "varchar", "bpchar", "name", "char": return .string
        case "bool": return .boolean
        case "date", "timestamp", "timestamptz": return .datetime
        case "time", "timetz": return .time
        case "interval": return .timespan
        case "uuid": return .uuid
        case "json": return .json
        case "jsonb": return .jsonb
        case "bytea": return .bytea
        case "inet", "cidr": return .network
        case "bit", "varbit": return .bit
        default: return nil
        }
    }

    /// The type of a domain's base, or the type itself.
    func baseType(_ type: ColumnType) -> ColumnType {
        var current = type
        for _ in 0..<10 {
            guard !current.isArray, let schema = current.schema,
                case .domain(let domain)? = catalog.types[ObjectKey(schema, current.name)]?.definition
            else { break }
            current = domain.baseType
        }
        return current
    }

    /// A comparison `l op r`: an operator must exist for the two types, and a
    /// string literal must be a valid value of the other side's type.
    mutating func compare(_ l: ValueType, _ op: String, _ r: ValueType, span: SourceSpan) throws(BindError) {
        guard rules.checksTypes else { return }
        switch (l, r) {
        case (.known(let type), .literal(let text)), (.literal(let text), .known(let type)):
            try coerceLiteral(text, to: type, span: span)
        case (.known(let a), .known(let b)):
            try checkComparable(a, op, b, span: span)
        default:
            return
        }
    }

    func checkComparable(_ a: ColumnType, _ op: String, _ b: ColumnType, span: SourceSpan?) throws(BindError) {
        guard rules.checksTypes else { return }
        let shown = op == "!=" ? "<>" : op
        var mismatch: BindError {
            BindError(SQLState.undefinedFunction, "operator does not exist: \(a.sql) \(shown) \(b.sql)", span: span)
        }
        if a.isArray != b.isArray {
            if category(a.element) != nil && category(b.element) != nil { throw mismatch }
            return
        }
        if a.isArray {
            try checkComparable(a.element, op, b.element, span: span)
            return
        }
        guard let ca = category(a), let cb = category(b) else { return }
        if ca == .json || cb == .json { throw mismatch }
        if ca == .other || cb == .other { return }
        if ca != cb { throw mismatch }
    }

    /// Whether a routine may take these arguments: the same count (defaults are not
    /// modelled, so a shorter call is taken), and each known argument reaching its
    /// parameter by an implicit cast. Unknown types, literals and parameters fit anything.
    func accepts(_ routine: Function, _ arguments: [ValueType]) -> Bool {
        let parameters = routine.argumentTypes
        if parameters.last?.isArray == true { return true }
        guard arguments.count <= parameters.count else { return false }
        for (argument, parameter) in zip(arguments, parameters) {
            guard case .known(let type) = argument else { continue }
            if !implicitlyCastable(type, to: parameter) { return false }
        }
        return true
    }

    /// PostgreSQL's implicit casts (`pg_cast.castcontext = 'i'`) between the categories
    /// binding knows: numbers only widen, strings and date/times convert among
    /// themselves; an enum or other category only to itself.
    func implicitlyCastable(_ a: ColumnType, to b: ColumnType) -> Bool {
        if a.isArray != b.isArray { return category(a.element) == nil || category(b.element) == nil }
        if a.isArray { return implicitlyCastable(a.element, to: b.element) }
        guard let ca = category(a), let cb = category(baseType(b)) else { return true }
        if ca == .other || cb == .other { return true }
        guard ca == cb else { return false }
        if ca == .numeric {
            let order = ["int2", "int4", "int8", "numeric", "float4", "float8"]
            guard let i = order.firstIndex(of: baseType(a).name), let j = order.firstIndex(of: baseType(b).name) else {
                return true
            }
            return i <= j
        }
        return true
    }

    /// Whether a value of type `a` can be stored in a column of type `b` (an
    /// implicit or assignment cast exists, PostgreSQL's `pg_cast`).
    func assignable(_ a: ColumnType, to b: ColumnType) -> Bool {
        if a.isArray != b.isArray {
            return category(a.element) == nil || category(b.element) == nil
        }
        if a.isArray { return assignable(a.element, to: b.element) }
        guard let ca = category(a), let cb = category(b) else { return true }
        if ca == .other || cb == .other { return true }
        // Any type converts to a string type through its output function.
        if cb == .string { return true }
        switch (ca, cb) {
        case (.json, .jsonb), (.jsonb, .json): return true
        case (.datetime, .time): return a.name != "date"
        default: return ca == cb
        }
    }

    /// Stores `value` in `column` of `table` (INSERT values, UPDATE SET):
    /// the types must be assignable and a literal must be valid for the column.
    mutating func assign(_ value: ValueType, to column: Column, table: ObjectKey, span: SourceSpan) throws(BindError) {
        guard rules.checksTypes else { return }
        switch value {
        case .literal(let text):
            try coerceLiteral(text, to: column.type, span: span)
        case .known(let type):
            if !assignable(type, to: column.type) {
                throw BindError(
                    SQLState.datatypeMismatch,
                    "column \"\(column.name)\" is of type \(column.type.sql) but expression is of type \(type.sql)",
                    span: span)
            }
        case .null, .unknown:
            return
        }
    }

    /// The type two values share (UNION, CASE, COALESCE, VALUES rows).
    mutating func unify(_ a: ValueType, _ b: ValueType, context: String, span: SourceSpan?) throws(BindError) -> ValueType {
        switch (a, b) {
        case (.known(let x), .known(let y)):
            guard rules.checksTypes else { return x == y ? a : .unknown }
            if x == y { return a }
            if let cx = category(x), let cy = category(y), cx != .other, cy != .other, x.isArray == y.isArray,
                cx != cy
            {
                throw BindError(
                    SQLState.datatypeMismatch, "\(context) types \(x.sql) and \(y.sql) cannot be matched", span: span)
            }
            if category(x) == .numeric, category(y) == .numeric {
                let order = ["int2", "int4", "int8", "numeric", "float4", "float8"]
                return (order.firstIndex(of: x.name) ?? 3) >= (order.firstIndex(of: y.name) ?? 3) ? a : b
            }
            var plain = x
            plain.modifiers = []
            return .known(plain)
        case (.known(let type), .literal(let text)), (.literal(let text), .known(let type)):
            try coerceLiteral(text, to: type, span: span)
            return .known(type)
        case (.known, .null), (.known, .unknown): return a
        case (.null, .known), (.unknown, .known): return b
        case (.literal, .literal): return .known(.text)
        default: return .unknown
        }
    }

    static let specialNumbers: Set<String> = ["nan", "infinity", "-infinity", "+infinity", "inf", "-inf"]
    static let booleanWords: Set<String> = ["true", "false", "yes", "no", "on", "off", "1", "0", "t", "f", "y", "n"]

    /// A string literal read as a value of `type`: the server refuses a bad
    /// integer, boolean, uuid or enum label with 22P02.
    mutating func coerceLiteral(_ text: String, to type: ColumnType, span: SourceSpan?) throws(BindError) {
        guard rules.checksTypes, !type.isArray else { return }
        let base = baseType(type)
        if let schema = base.schema, case .enumeration(let labels)? = catalog.types[ObjectKey(schema, base.name)]?.definition {
            result.types.insert(ObjectKey(schema, base.name))
            result.enumLabels.insert(EnumLabel(type: ObjectKey(schema, base.name), label: text))
            if !labels.contains(text) {
                throw BindError(
                    SQLState.invalidTextRepresentation, "invalid input value for enum \(base.sql): \"\(text)\"", span: span)
            }
            return
        }
        guard base.schema == nil else { return }
        let trimmed = text.trimmed
        var bad: BindError {
            BindError(
                SQLState.invalidTextRepresentation, "invalid input syntax for type \(base.element.sql): \"\(text)\"",
                span: span)
        }
        // Checked on the bytes, without copies: a seed of thousands of rows has a
        // literal per value.
        switch base.name {
        case "int2", "int4", "int8":
            var digits = trimmed.utf8[...]
            if digits.first == UInt8(ascii: "+") || digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
            let isDigit = { (b: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) || b == UInt8(ascii: "_") }
            if digits.isEmpty || !digits.allSatisfy(isDigit) { throw bad }
        case "numeric", "float4", "float8":
            if Double(trimmed) != nil { return }
            if Self.specialNumbers.contains(trimmed.lowercased()) { return }
            if !trimmed.utf8.contains(UInt8(ascii: "_")) || Double(trimmed.removing("_")) == nil { throw bad }
        case "bool":
            let lowered = trimmed.lowercased()
            guard !lowered.isEmpty else { throw bad }
            let ok = Self.booleanWords.contains(lowered)
                || (lowered.count >= 2 && ["true", "false", "yes", "no"].contains { $0.hasPrefix(lowered) })
                || (lowered.count >= 2 && "off".hasPrefix(lowered) && lowered != "o")
            if !ok { throw bad }
        case "uuid":
            // 32 ASCII hex digits, hyphens anywhere between them, optionally in braces.
            var hex = trimmed.utf8[...]
            if hex.first == UInt8(ascii: "{"), hex.last == UInt8(ascii: "}") { hex = hex.dropFirst().dropLast() }
            var digits = 0
            for byte in hex where byte != UInt8(ascii: "-") {
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"):
                    digits += 1
                default:
                    throw bad
                }
            }
            if digits != 32 { throw bad }
        default:
            return
        }
    }
}

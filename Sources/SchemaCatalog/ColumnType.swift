import SQLSyntax

/// A column's type, identified as PostgreSQL identifies it (internal name, type
/// modifiers, array-ness) and spelled as `format_type()` spells it.
public struct ColumnType: Hashable, Sendable, CustomStringConvertible {
    // The fields live in one copy-on-write box (`CopyOnWrite`): every column,
    // view column and scope column carries a type, copied with it, and a copy
    // of five strings and an array was five reference counts.
    private struct Fields: Hashable, Sendable {
        var schema: String?
        var name: String
        var modifiers: [Int]
        var intervalFields: String?
        var isArray: Bool
        var declared: String?
    }

    private var box: CopyOnWrite<Fields>

    /// The schema of a user-defined type; nil for built-in types.
    public var schema: String? {
        get { box.fields.schema }
        _modify { yield &box.fields.schema }
    }
    /// The internal name: `int4`, `varchar`, `timestamptz`, `text`, or a user type's name.
    public var name: String {
        get { box.fields.name }
        _modify { yield &box.fields.name }
    }
    /// Type modifiers: length, precision and scale.
    public var modifiers: [Int] {
        get { box.fields.modifiers }
        _modify { yield &box.fields.modifiers }
    }
    /// `year to month`, `day to second` for intervals.
    public var intervalFields: String? {
        get { box.fields.intervalFields }
        _modify { yield &box.fields.intervalFields }
    }
    /// PostgreSQL does not enforce array dimensions; only "is an array" matters.
    public var isArray: Bool {
        get { box.fields.isArray }
        _modify { yield &box.fields.isArray }
    }
    /// SQLite keeps a column's declared type as written (`VARCHAR(255)`); its
    /// affinity follows from that text.
    public var declared: String? {
        get { box.fields.declared }
        _modify { yield &box.fields.declared }
    }

    public init(schema: String? = nil, name: String, modifiers: [Int] = [], intervalFields: String? = nil, isArray: Bool = false) {
        box = CopyOnWrite(
            Fields(schema: schema, name: name, modifiers: modifiers, intervalFields: intervalFields, isArray: isArray, declared: nil))
    }

    /// A SQLite declared type.
    public init(declared: String) {
        self.init(name: declared.lowercased())
        self.declared = declared
    }

    public static let smallint = ColumnType(name: "int2")
    public static let integer = ColumnType(name: "int4")
    public static let bigint = ColumnType(name: "int8")
    public static let text = ColumnType(name: "text")
    public static let boolean = ColumnType(name: "bool")

    /// The element type of an array type, or the type itself.
    public var element: ColumnType {
        // (Unchanged, it keeps its box: no copy is made.)
        if !isArray { return self }
        var e = self
        e.isArray = false
        return e
    }

    public var arrayOf: ColumnType {
        if isArray { return self }
        var a = self
        a.isArray = true
        return a
    }

    /// The spelling of `format_type(oid, typmod)` with the schema shown only for
    /// user types (as when the schema is not on the search path).
    public var sql: String {
        if let declared { return declared }
        var base: String
        let mods = modifiers.map(String.init).joined(separator: ",")
        let paren = modifiers.isEmpty ? "" : "(\(mods))"
        switch name {
        case "int2": base = "smallint"
        case "int4": base = "integer"
        case "int8": base = "bigint"
        case "float4": base = "real"
        case "float8": base = "double precision"
        case "bool": base = "boolean"
        case "varchar": base = "character varying" + paren
        case "bpchar": base = modifiers.isEmpty ? "bpchar" : "character" + paren
        case "varbit": base = "bit varying" + paren
        // Bare BIT means bit(1); a bit without a length (a routine's argument, or written
        // "bit") prints quoted so that it does not read back as bit(1).
        case "bit": base = modifiers.isEmpty ? "\"bit\"" : "bit" + paren
        case "numeric": base = "numeric" + paren
        case "timestamp": base = "timestamp\(paren) without time zone"
        case "timestamptz": base = "timestamp\(paren) with time zone"
        case "time": base = "time\(paren) without time zone"
        case "timetz": base = "time\(paren) with time zone"
        case "interval":
            base = "interval"
            if let fields = intervalFields { base += " " + fields }
            base += paren
        default:
            // Built-in names print as PostgreSQL 15's format_type prints them: bare, except
            // the internal one-byte type "char" (a keyword there; `json` became one only in 16).
            let typeName = (schema == nil ? (name == "char" ? "\"char\"" : name) : SQLName.quoted(name)) + paren
            if let schema, schema != "pg_catalog", schema != "public" {
                base = SQLName.quoted(schema) + "." + typeName
            } else {
                base = typeName
            }
        }
        return isArray ? base + "[]" : base
    }

    public var description: String { sql }

    /// Whether this is one of PostgreSQL's integer types.
    public var isInteger: Bool { !isArray && schema == nil && ["int2", "int4", "int8"].contains(name) }

    /// Built-in names and aliases written as plain identifiers (`int4`, `serial`,
    /// `timestamptz`) mapped to their internal names. `serial` types map to their
    /// integer type; the caller adds the sequence and default.
    public static func builtinName(_ written: String) -> (name: String, serial: Bool)? {
        switch written {
        case "int2", "smallint": return ("int2", false)
        case "int4", "int", "integer": return ("int4", false)
        case "int8", "bigint": return ("int8", false)
        case "smallserial", "serial2": return ("int2", true)
        case "serial", "serial4": return ("int4", true)
        case "bigserial", "serial8": return ("int8", true)
        case "float4", "real": return ("float4", false)
        case "float8": return ("float8", false)
        case "bool", "boolean": return ("bool", false)
        case "varchar": return ("varchar", false)
        case "bpchar", "char": return ("bpchar", false)
        case "decimal", "numeric": return ("numeric", false)
        case "timestamp", "timestamptz", "time", "timetz", "interval", "date", "text", "uuid", "json", "jsonb",
            "bytea", "inet", "cidr", "macaddr", "macaddr8", "money", "xml", "tsvector", "tsquery", "oid",
            "regclass", "regproc", "regtype", "point", "line", "lseg", "box", "path", "polygon", "circle",
            "int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange", "int4multirange",
            "int8multirange", "nummultirange", "tsmultirange", "tstzmultirange", "datemultirange", "varbit", "bit",
            "name", "record", "void", "trigger", "event_trigger", "anyelement", "anyarray", "anynonarray",
            "anyenum", "anyrange", "anycompatible", "anycompatiblearray", "cstring", "internal", "pg_lsn",
            "txid_snapshot", "pg_snapshot", "jsonpath", "char_", "xid", "xid8", "cid", "tid", "aclitem",
            "refcursor", "regnamespace", "regrole", "regconfig", "regdictionary", "regoper", "regoperator",
            "regprocedure", "regcollation", "language_handler", "fdw_handler", "index_am_handler", "tsm_handler",
            "table_am_handler", "unknown", "any":
            return (written, false)
        default:
            return nil
        }
    }
}

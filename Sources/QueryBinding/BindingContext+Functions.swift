import SQLSyntax
import SchemaCatalog

// Functions, types and sequences an expression names: user functions by the
// search path with their arguments' types, built-in functions and their result
// types, types in casts, sequences in nextval() and relations in ::regclass.

extension BindingContext {
    // MARK: Functions

    /// The catalog's functions of a name, by the search path (PostgreSQL's `FuncnameGetCandidates`).
    func routines(_ name: QualifiedName) -> [Function] {
        if rules.caseInsensitiveNames {
            return catalog.functions.filter { $0.key.name.lowercased() == name.name.lowercased() }.flatMap(\.value)
        }
        if let schema = name.qualifier { return catalog.functions[ObjectKey(schema, name.name)] ?? [] }
        var found: [Function] = []
        for schema in catalog.implicitSchemas {
            found += catalog.functions[ObjectKey(schema, name.name)] ?? []
        }
        return found
    }

    /// Whether the catalog has an extension whose functions and types are not all
    /// modelled: names it might hold are then not errors.
    var hasUnmodelledExtension: Bool {
        let modelled: Set<String> = [
            "uuid-ossp", "pgcrypto", "pg_trgm", "fuzzystrmatch", "unaccent", "citext", "hstore", "ltree", "isn",
            "cube", "earthdistance", "seg", "lo", "intarray", "tablefunc", "btree_gin", "btree_gist",
            "pg_stat_statements", "moddatetime", "insert_username", "autoinc", "tcn", "refint", "plpgsql",
        ]
        return catalog.extensions.keys.contains { !modelled.contains($0) }
    }

    mutating func functionCall(_ call: FunctionCall, span: SourceSpan) throws(BindError) -> ValueType {
        var argumentTypes: [ValueType] = []
        for argument in call.arguments { argumentTypes.append(try expression(argument.value)) }
        for item in call.orderBy + call.withinGroup { _ = try expression(item.expr) }
        if let filter = call.filter { try condition(filter, clause: "FILTER") }
        if let over = call.over { try window(over) }
        let name = call.name.name
        let candidates = routines(call.name)
        if !candidates.isEmpty {
            for function in candidates { result.functions.insert(function.key) }
            let count = call.arguments.count
            // Defaults are not modelled: fewer arguments than parameters may be fine;
            // a trailing array parameter may be VARIADIC and take any number.
            guard candidates.contains(where: { $0.argumentTypes.count >= count || $0.argumentTypes.last?.isArray == true })
            else {
                throw undefinedFunction(call, argumentTypes)
            }
            // With every argument's type known, some overload must take them by implicit casts.
            if rules.checksTypes, call.arguments.allSatisfy({ $0.name == nil && !$0.variadic }),
                !candidates.contains(where: { accepts($0, argumentTypes) })
            {
                throw undefinedFunction(call, argumentTypes)
            }
            return userFunctionType(candidates, count: count)
        }
        let qualifier = call.name.qualifier
        let builtin: Bool
        if rules.isSQLite {
            let lowered = name.lowercased()
            builtin = BuiltinNames.sqliteFunctions.contains(lowered) || lowered.hasPrefix("pragma_")
        } else {
            // Every `pg_*` name is taken as built in: the list leaves the internal ones out.
            builtin = (qualifier == nil || qualifier == "pg_catalog")
                && (BuiltinNames.postgresFunctions.contains(name) || name.hasPrefix("pg_"))
        }
        guard builtin || hasUnmodelledExtension else {
            throw undefinedFunction(call, argumentTypes)
        }
        if !rules.isSQLite, ["nextval", "currval", "setval"].contains(name), let first = call.arguments.first,
            case .literal(.string(let text)) = first.value.kind
        {
            try sequenceReference(text, span: first.value.span)
        }
        return try builtinResult(name, call, argumentTypes, span: span)
    }

    private func undefinedFunction(_ call: FunctionCall, _ types: [ValueType]) -> BindError {
        if rules.isSQLite {
            return BindError(SQLState.undefinedFunction, "no such function: \(call.name.name)", span: call.name.span)
        }
        let arguments = types.map { type -> String in
            switch type {
            case .known(let t): return t.sql
            default: return "unknown"
            }
        }
        return BindError(
            SQLState.undefinedFunction,
            "function \(call.name.dotted)(\(call.star ? "*" : arguments.joined(separator: ", "))) does not exist",
            span: call.name.span)
    }

    private func userFunctionType(_ candidates: [Function], count: Int) -> ValueType {
        let exact = candidates.filter { !$0.isProcedure && $0.argumentTypes.count == count }
        guard exact.count == 1, let returned = exact.first?.returns, !returned.hasPrefix("SETOF "),
            !returned.hasPrefix("TABLE("), returned != "record"
        else { return .unknown }
        if let builtin = ColumnType.builtinName(returned) { return .known(ColumnType(name: builtin.name)) }
        return .unknown
    }

    /// Functions that take a string: a number, a boolean or a date there fails
    /// (`lower(integer)` does not exist).
    static let stringFunctions: Set<String> = [
        "lower", "upper", "initcap", "length", "char_length", "character_length", "btrim", "ltrim", "rtrim",
        "replace", "split_part", "left", "right", "strpos", "reverse", "starts_with", "substr", "lpad", "rpad",
        "regexp_replace", "regexp_match", "regexp_matches", "to_tsvector", "md5", "ascii", "translate",
    ]

    private mutating func builtinResult(
        _ name: String, _ call: FunctionCall, _ types: [ValueType], span: SourceSpan
    ) throws(BindError) -> ValueType {
        guard !rules.isSQLite else { return .unknown }
        if BindingContext.stringFunctions.contains(name), let first = types.first?.columnType,
            let c = category(first), c != .string, c != .bytea, c != .other
        {
            if !(name == "to_tsvector" && types.count == 2) {
                throw undefinedFunction(call, types)
            }
        }
        switch name {
        case "count", "row_number", "rank", "dense_rank": return .known(.bigint)
        case "ntile", "length", "char_length", "character_length", "strpos", "position", "ascii", "array_length",
            "cardinality":
            return .known(.integer)
        case "percent_rank", "cume_dist": return .known(ColumnType(name: "float8"))
        case "bool_and", "bool_or", "every", "starts_with", "pg_try_advisory_lock", "pg_try_advisory_xact_lock":
            return .known(.boolean)
        case "lower", "upper", "initcap", "btrim", "trim", "ltrim", "rtrim", "replace", "concat", "concat_ws",
            "substring", "substr", "left", "right", "lpad", "rpad", "md5", "to_char", "format", "string_agg",
            "split_part", "reverse", "regexp_replace", "translate", "quote_ident", "quote_literal", "repeat":
            return .known(.text)
        case "now", "current_timestamp", "transaction_timestamp", "statement_timestamp", "clock_timestamp":
            return .known(ColumnType(name: "timestamptz"))
        case "current_date": return .known(ColumnType(name: "date"))
        case "gen_random_uuid", "uuid_generate_v4": return .known(ColumnType(name: "uuid"))
        case "nextval", "currval", "setval", "lastval": return .known(.bigint)
        case "coalesce", "greatest", "least", "nullif":
            var type: ValueType = .unknown
            for (i, t) in types.enumerated() {
                if name == "nullif" && i > 0 {
                    try compare(type, "=", t, span: span)
                    continue
                }
                type = i == 0 ? t : try unify(type, t, context: name.uppercased(), span: span)
            }
            return type
        case "max", "min", "sum", "avg", "array_agg", "first_value", "last_value", "lag", "lead", "abs":
            guard let argument = types.first?.columnType else { return .unknown }
            var type = argument
            type.modifiers = []
            switch name {
            case "sum":
                if ["int2", "int4"].contains(type.name) { return .known(.bigint) }
                if type.name == "int8" { return .known(ColumnType(name: "numeric")) }
                return .known(type)
            case "avg":
                if ["int2", "int4", "int8", "numeric"].contains(type.name) { return .known(ColumnType(name: "numeric")) }
                return .known(type)
            case "array_agg": return .known(type.isArray ? type : type.arrayOf)
            case "max", "min": return .known(type.name == "varchar" ? .text : type)
            default: return .known(type)
            }
        default:
            return .unknown
        }
    }

    // MARK: Types and sequences

    /// The type a cast names: PostgreSQL refuses an unknown type (42704).
    mutating func typeName(_ written: TypeName) throws(BindError) -> ValueType {
        guard !rules.isSQLite else { return .unknown }
        do {
            let type = try catalog.resolveType(written).type
            if let schema = type.schema { result.types.insert(ObjectKey(schema, type.name)) }
            return .known(type)
        } catch {
            let name = written.name.name
            let builtin = (written.name.parts.count == 1 || written.name.qualifier == "pg_catalog")
                && (BuiltinNames.postgresTypes.contains(name) || name.hasPrefix("pg_"))
            if error.sqlState == CatalogError.undefinedObject && !builtin && !hasUnmodelledExtension {
                throw BindError(SQLState.undefinedObject, "type \"\(written.name.dotted)\" does not exist", span: written.span)
            }
            return .unknown
        }
    }

    /// `nextval('seq')`: the sequence must exist.
    mutating func sequenceReference(_ text: String, span: SourceSpan) throws(BindError) {
        let name = parseRegclass(text)
        if let key = catalog.resolve(name, exists: { catalog.sequences[$0] != nil }) {
            result.sequences.insert(key)
            result.relations.insert(key)
            return
        }
        if resolveRelation(name) != nil {
            throw BindError(SQLState.wrongObjectType, "\"\(name.name)\" is not a sequence", span: span)
        }
        throw BindError(SQLState.undefinedTable, "relation \"\(name.dotted)\" does not exist", span: span)
    }

    /// `'name'::regclass`: the relation must exist.
    mutating func regclass(_ text: String, span: SourceSpan) throws(BindError) {
        let name = parseRegclass(text)
        if let key = resolveRelation(name) {
            result.relations.insert(key)
            return
        }
        if catalog.resolve(name, exists: { catalog.indexes[$0] != nil }) != nil || isSystemRelation(name) { return }
        throw BindError(SQLState.undefinedTable, "relation \"\(name.dotted)\" does not exist", span: span)
    }

    /// A relation name inside a string, folded and unquoted as `regclassin` does.
    private func parseRegclass(_ text: String) -> QualifiedName {
        var parts: [Identifier] = []
        var current = ""
        var quoted = false
        var wasQuoted = false
        var chars = Array(text.trimmed)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\"" {
                if quoted, i + 1 < chars.count, chars[i + 1] == "\"" {
                    current.append("\"")
                    i += 2
                    continue
                }
                quoted.toggle()
                wasQuoted = true
            } else if c == ".", !quoted {
                parts.append(Identifier(current, quoted: wasQuoted))
                current = ""
                wasQuoted = false
            } else {
                current.append(quoted ? c : Character(c.lowercased()))
            }
            i += 1
        }
        parts.append(Identifier(current, quoted: wasQuoted))
        chars = []
        return QualifiedName(parts)
    }
}

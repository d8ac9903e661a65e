import SQLSyntax

/// What replay needs to know about an expression without binding it: the
/// columns it names and how volatile it is.
public enum ExpressionFacts {
    /// Distinct column names referenced (last part of each column reference), in
    /// first-seen order. Subqueries are not entered.
    public static func columns(_ expr: Expr) -> [String] {
        var names: [String] = []
        var seen: Set<String> = []
        walk(expr) { e in
            if case .column(let name) = e.kind, !seen.contains(name.name) {
                seen.insert(name.name)
                names.append(name.name)
            }
        }
        return names
    }

    /// Whether a default is a NULL constant (possibly cast). PostgreSQL stores no
    /// default when the cooked expression is a null constant
    /// (`AddRelationNewConstraints`), which is what a NULL becomes for a column type
    /// without a type modifier and that is not a domain; `varchar(255) DEFAULT NULL`
    /// keeps a length-coercion call and so a stored default.
    static func isDroppedNullDefault(_ expr: Expr, for type: ColumnType, isDomain: Bool) -> Bool {
        isNullConstant(expr) && type.modifiers.isEmpty && !isDomain
    }

    static func isNullConstant(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .literal(.null): return true
        case .cast(let inner, _): return isNullConstant(inner)
        default: return false
        }
    }

    /// Function names called, lower case, unqualified.
    static func functionNames(_ expr: Expr) -> [QualifiedName] {
        var names: [QualifiedName] = []
        walk(expr) { e in
            if case .function(let call) = e.kind { names.append(call.name) }
        }
        return names
    }

    /// Built-in functions that are not immutable (pg_proc.provolatile), for the
    /// ones defaults use; anything else unknown is assumed volatile.
    static let builtinVolatility: [String: Volatility] = [
        "now": .stable, "current_timestamp": .stable, "current_date": .stable, "current_time": .stable,
        "localtime": .stable, "localtimestamp": .stable, "statement_timestamp": .stable,
        "transaction_timestamp": .stable, "current_user": .stable, "session_user": .stable, "user": .stable,
        "current_role": .stable, "current_schema": .stable, "current_catalog": .stable, "current_setting": .stable,
        "to_char": .stable, "to_timestamp": .stable, "timezone": .stable, "age": .stable,
        "clock_timestamp": .volatile, "timeofday": .volatile, "random": .volatile, "nextval": .volatile,
        "gen_random_uuid": .volatile, "uuid_generate_v1": .volatile, "uuid_generate_v1mc": .volatile,
        "uuid_generate_v4": .volatile, "setval": .volatile, "txid_current": .stable,
        "lower": .immutable, "upper": .immutable, "coalesce": .immutable, "nullif": .immutable,
        "greatest": .immutable, "least": .immutable, "md5": .immutable, "length": .immutable,
        "concat": .stable, "jsonb_build_object": .stable, "json_build_object": .stable,
        "array": .immutable, "abs": .immutable, "round": .immutable, "trim": .immutable, "btrim": .immutable,
        "substring": .immutable, "replace": .immutable, "to_jsonb": .stable, "jsonb_build_array": .stable,
        "extract": .immutable, "date_part": .stable, "date_trunc": .stable, "make_interval": .immutable,
    ]

    /// The volatility of an expression: the most volatile function it calls.
    public static func volatility(_ expr: Expr, functions: (QualifiedName) -> Volatility?) -> Volatility {
        var result = Volatility.immutable
        walk(expr) { e in
            switch e.kind {
            case .function(let call):
                let v = functions(call.name) ?? builtinVolatility[call.name.name] ?? .volatile
                result = max(result, v)
            case .subquery, .exists, .arraySubquery, .inSubquery:
                result = max(result, .volatile)
            default:
                break
            }
        }
        return result
    }

    /// Calls `visit` on `expr` and every expression inside it (not inside subqueries).
    static func walk(_ expr: Expr, _ visit: (Expr) -> Void) {
        expr.visit(visit)
    }
}

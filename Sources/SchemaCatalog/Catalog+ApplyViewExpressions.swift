import SQLSyntax

// The expression side of ViewQueryAnalyzer: resolving column references in
// scope, naming output columns as PostgreSQL's `FigureColname` does, the cheap
// output types, and the walk that checks and records every name an expression reads.

extension ViewQueryAnalyzer {
    // MARK: Names

    /// The item `name` (`t` or `schema.t`) refers to, innermost level first.
    func findItem(_ name: QualifiedName) -> RangeItem? {
        let parts = name.parts
        guard let table = parts.last?.value,
            let (level, i) = itemIndex(table, schema: parts.count > 1 ? parts[parts.count - 2].value : nil)
        else { return nil }
        return scopes[level].items[i]
    }

    /// Where the item `schema.table` (or `table`) is, innermost level first. By
    /// index, so that no level or item is copied on the way.
    func itemIndex(_ table: String, schema: String?) -> (level: Int, item: Int)? {
        for level in scopes.indices.reversed() {
            if let i = scopes[level].items.firstIndex(where: { item in
                item.qualifiable && item.name == table && (schema == nil || item.schema == schema)
            }) {
                return (level, i)
            }
        }
        return nil
    }

    /// Resolves a column reference and records what it reads; nil when it is not
    /// a plain column (a whole-row reference, or a name this analysis cannot see).
    mutating func lookup(_ name: QualifiedName, span: SourceSpan) throws(CatalogError) -> ScopeColumn? {
        let parts = name.parts
        switch parts.count {
        case 1:
            return try lookupUnqualified(parts[0].value, span: span, report: true)
        case 2, 3:
            // `table.column` or `schema.table.column`.
            let table = parts[parts.count - 2].value
            let schema = parts.count == 3 ? parts[0].value : nil
            let column = parts[parts.count - 1].value
            if let (level, i) = itemIndex(table, schema: schema) {
                // Only the column found is copied.
                if let c = scopes[level].items[i].columns.firstIndex(where: { $0.name == column }) {
                    let found = scopes[level].items[i].columns[c]
                    record(found.origins)
                    return found
                }
                if strict && scopes[level].items[i].complete {
                    throw CatalogError(CatalogError.undefinedColumn, "column \(table).\(column) does not exist", span: span)
                }
                return nil
            }
            // `composite_column.field`.
            if parts.count == 2, try lookupUnqualified(parts[0].value, span: span, report: false) != nil { return nil }
            if strict && scopes.allSatisfy({ $0.items.allSatisfy(\.complete) }) {
                throw CatalogError(
                    CatalogError.undefinedTable, "missing FROM-clause entry for table \"\(table)\"", span: span)
            }
            return nil
        default:
            return nil
        }
    }

    mutating func lookupUnqualified(_ name: String, span: SourceSpan, report: Bool) throws(CatalogError) -> ScopeColumn? {
        for level in scopes.indices.reversed() {
            // By index, so that no item or column is copied until one matches.
            var found: ScopeColumn?
            for i in scopes[level].items.indices where scopes[level].items[i].unqualified {
                for c in scopes[level].items[i].columns.indices where scopes[level].items[i].columns[c].name == name {
                    if found != nil && strict {
                        throw CatalogError(CatalogError.ambiguousColumn, "column reference \"\(name)\" is ambiguous", span: span)
                    }
                    if found == nil { found = scopes[level].items[i].columns[c] }
                }
            }
            if let found {
                record(found.origins)
                return found
            }
            let scope = scopes[level]
            if let item = scope.items.first(where: { $0.qualifiable && $0.name == name }) {
                // A whole-row reference depends on the relation, not on its columns
                // (a dependency already: it was read in FROM).
                return nil
            }
            if level == scopes.count - 1, scope.outputNamesVisible, scope.outputNames.contains(name) { return nil }
            if scope.items.contains(where: { $0.unqualified && !$0.complete }) { return nil }
        }
        if strict && report {
            throw CatalogError(CatalogError.undefinedColumn, "column \"\(name)\" does not exist", span: span)
        }
        return nil
    }

    mutating func record(_ origins: ReadColumns) {
        for slot in origins { relations[Int(slot.relation)].read[Int(slot.column)] = true }
    }

    /// `record` for every column of a FROM item (`*`).
    mutating func record(_ columns: [ScopeColumn]) {
        for column in columns { record(column.origins) }
    }

    /// The name PostgreSQL gives an output column written without an alias
    /// (`FigureColname`); SQLite uses the expression's text.
    mutating func outputName(_ e: Expr) throws(CatalogError) -> String {
        if !catalog.dialect.namesExpressionColumnsByWord {
            if case .column(let name) = e.kind { return name.name }
            return source.text(e)
        }
        let (name, strength) = try figureName(e)
        return strength == 0 ? "?column?" : name
    }

    mutating func figureName(_ e: Expr) throws(CatalogError) -> (String, Int) {
        switch e.kind {
        case .column(let name): return (name.name, 2)
        case .field(let inner, let field):
            if let field { return (field.value, 2) }
            return try figureName(inner)
        case .subscripted(let inner, _), .collate(let inner, _):
            return try figureName(inner)
        case .function(let call):
            return (call.name.name == "trim" ? "btrim" : call.name.name, 2)
        case .cast(let inner, let type):
            let (name, strength) = try figureName(inner)
            return strength <= 1 ? (type.name.name, 1) : (name, strength)
        case .typedLiteral(let type, _): return (type.name.name, 1)
        case .caseWhen: return ("case", 2)
        case .array, .arraySubquery: return ("array", 2)
        case .row: return ("row", 2)
        case .exists: return ("exists", 2)
        case .atTimeZone: return ("timezone", 2)
        case .subquery(let q):
            guard depth < ViewQueryAnalyzer.maximumDepth else { return ("?column?", 0) }
            let output = try subquery(q)
            return (output.columns.first?.name ?? "?column?", 2)
        default: return ("?column?", 0)
        }
    }

    // MARK: Types

    /// The type of an output expression, where it is cheap to know; nil otherwise.
    mutating func outputType(_ e: Expr) throws(CatalogError) -> ColumnType? {
        guard catalog.dialect.namesExpressionColumnsByWord else { return nil }
        switch e.kind {
        case .cast(_, let type), .typedLiteral(let type, _):
            return try castType(type)
        case .literal(let literal):
            switch literal {
            case .integer(let text):
                let digits = text.filter { $0 != "_" }
                if Int32(digits) != nil { return .integer }
                if Int64(digits) != nil { return .bigint }
                return ColumnType(name: "numeric")
            case .decimal: return ColumnType(name: "numeric")
            case .string, .null: return .text
            case .boolean: return .boolean
            case .bitString, .hexString: return ColumnType(name: "bit")
            }
        case .binary(let op, _, _):
            let comparisons: Set<String> = ["=", "<>", "!=", "<", ">", "<=", ">=", "and", "or"]
            return comparisons.contains(op.lowercased()) ? .boolean : nil
        case .unary(let op, let operand):
            switch op.lowercased() {
            case "not": return .boolean
            case "-", "+":
                // Negation keeps a numeric type (`int4um`, `numeric_uminus`, ...).
                guard let type = try outputType(operand), !type.isArray, type.schema == nil,
                    ["int2", "int4", "int8", "numeric", "float4", "float8", "interval", "money"].contains(type.name)
                else { return nil }
                return type
            default: return nil
            }
        case .caseWhen(_, let branches, let otherwise):
            // The results' common type; a missing ELSE is a NULL literal.
            return try commonType(branches.map(\.result) + [otherwise ?? Expr(.literal(.null), span: e.span)])
        case .isTest, .isDistinctFrom, .between, .like, .inList, .inSubquery, .quantified, .exists:
            return .boolean
        case .column(let name):
            return try lookup(name, span: e.span)?.type
        case .subquery(let q):
            guard depth < ViewQueryAnalyzer.maximumDepth else { return nil }
            return try subquery(q).columns.first?.type
        case .function(let call) where call.name.parts.count == 1:
            let name = call.name.name
            if let type = try aggregateType(name, call) { return type }
            switch name {
            case "coalesce", "greatest", "least":
                return try commonType(call.arguments.map(\.value))
            case "nullif":
                guard let first = call.arguments.first else { return nil }
                return try outputType(first.value)
            case "count": return .bigint
            case "now", "current_timestamp", "transaction_timestamp", "statement_timestamp", "clock_timestamp":
                return ColumnType(name: "timestamptz")
            case "current_date": return ColumnType(name: "date")
            default: return userFunctionType(call)
            }
        case .function(let call):
            return userFunctionType(call)
        case .collate(let inner, _):
            return try outputType(inner)
        case .row:
            // An anonymous row; a view refuses it as a column.
            return ColumnType(name: "record")
        default:
            return nil
        }
    }

    /// The result types of the built-in aggregates and window functions a view
    /// or CREATE TABLE AS most often computes (`pg_aggregate`, `pg_proc.prorettype`).
    mutating func aggregateType(_ name: String, _ call: FunctionCall) throws(CatalogError) -> ColumnType? {
        switch name {
        case "count", "row_number", "rank", "dense_rank", "ntile": return name == "ntile" ? .integer : .bigint
        case "percent_rank", "cume_dist": return ColumnType(name: "float8")
        case "bool_and", "bool_or", "every": return .boolean
        case "string_agg":
            guard let first = call.arguments.first else { return nil }
            return try outputType(first.value) == ColumnType(name: "bytea") ? ColumnType(name: "bytea") : .text
        default: break
        }
        guard call.arguments.count == 1, let argument = try outputType(call.arguments[0].value) else { return nil }
        let numeric = ColumnType(name: "numeric")
        switch name {
        case "max", "min", "first_value", "last_value", "lag", "lead":
            // The result has the argument's type without its modifier; max and
            // min have no varchar overload and answer text.
            var type = argument
            type.modifiers = []
            if (name == "max" || name == "min") && !type.isArray && type.schema == nil && type.name == "varchar" {
                return .text
            }
            return type
        case "sum":
            guard !argument.isArray, argument.schema == nil else { return nil }
            switch argument.name {
            case "int2", "int4": return .bigint
            case "int8", "numeric": return numeric
            case "float4", "float8", "money", "interval": return ColumnType(name: argument.name)
            default: return nil
            }
        case "avg":
            guard !argument.isArray, argument.schema == nil else { return nil }
            switch argument.name {
            case "int2", "int4", "int8", "numeric": return numeric
            case "float4", "float8": return ColumnType(name: "float8")
            case "interval": return ColumnType(name: "interval")
            default: return nil
            }
        case "array_agg":
            return argument.isArray ? argument : argument.arrayOf
        default:
            return nil
        }
    }

    /// The result type of a call of a function this catalog holds, when the call
    /// picks one overload by its number of arguments and it returns one plain value.
    func userFunctionType(_ call: FunctionCall) -> ColumnType? {
        let candidates = catalog.routineCandidates(call.name).filter {
            !$0.isProcedure && $0.argumentTypes.count == call.arguments.count
        }
        guard candidates.count == 1, let result = candidates.first?.returns,
            !result.hasPrefix("SETOF "), !result.hasPrefix("TABLE("), result != "record"
        else { return nil }
        return try? catalog.typeFromOptionText(result, span: nil)
    }

    /// The type `coalesce` and friends give their arguments, when it is plain:
    /// every typed argument has the same type, and the literals fit it
    /// (PostgreSQL's `select_common_type`; a literal drops the type modifier).
    mutating func commonType(_ arguments: [Expr]) throws(CatalogError) -> ColumnType? {
        var common: ColumnType?
        var sawLiteral = false
        var literalKinds: [Literal] = []
        for argument in arguments {
            if case .literal(let literal) = argument.kind {
                sawLiteral = true
                literalKinds.append(literal)
                continue
            }
            guard let type = try outputType(argument), common == nil || common == type else { return nil }
            common = type
        }
        guard var result = common else { return nil }
        for literal in literalKinds {
            switch literal {
            case .null, .string: break
            case .integer: if !(result == .integer || result == .bigint) { return nil }
            case .boolean: if result != .boolean { return nil }
            default: return nil
            }
        }
        if sawLiteral { result.modifiers = [] }
        return result
    }

    /// The type named by a cast: PostgreSQL refuses an unknown type (42704); a type
    /// this catalog cannot read (`geometry(Point, 4326)`) is just unknown.
    func castType(_ written: TypeName) throws(CatalogError) -> ColumnType? {
        do {
            return try catalog.resolveType(written).type
        } catch {
            if error.sqlState == CatalogError.undefinedObject && strict { throw error }
            return nil
        }
    }

    // MARK: Expressions

    /// Checks and records every name an expression reads.
    mutating func walk(_ e: Expr) throws(CatalogError) {
        depth += 1
        defer { depth -= 1 }
        guard depth < ViewQueryAnalyzer.maximumDepth else { return }
        switch e.kind {
        case .column(let name):
            _ = try lookup(name, span: e.span)
        case .star(let qualifier):
            _ = try expandStar(qualifier, span: e.span)
        case .literal, .parameter, .defaultValue, .invalid:
            return
        case .unary(_, let x), .isTest(let x, _, _), .field(let x, _), .collate(let x, _):
            try walk(x)
        case .binary(_, let l, let r), .isDistinctFrom(let l, let r, _):
            try walk(l)
            try walk(r)
        case .between(let x, let low, let high, _, _):
            for y in [x, low, high] { try walk(y) }
        case .like(let x, let pattern, let escape, _, _):
            for y in [x, pattern] + (escape.map { [$0] } ?? []) { try walk(y) }
        case .inList(let x, let list, _):
            for y in [x] + list { try walk(y) }
        case .inSubquery(let x, let q, _):
            try walk(x)
            _ = try subquery(q)
        case .quantified(let x, _, _, let q, let array):
            try walk(x)
            if let q { _ = try subquery(q) }
            if let array { try walk(array) }
        case .exists(let q), .subquery(let q), .arraySubquery(let q):
            _ = try subquery(q)
        case .array(let items), .row(let items, _):
            for y in items { try walk(y) }
        case .cast(let x, let type):
            try walk(x)
            _ = try castType(type)
        case .typedLiteral(let type, _):
            _ = try castType(type)
        case .function(let call):
            try walk(call)
        case .caseWhen(let operand, let branches, let otherwise):
            if let operand { try walk(operand) }
            for branch in branches {
                try walk(branch.condition)
                try walk(branch.result)
            }
            if let otherwise { try walk(otherwise) }
        case .subscripted(let x, let subscripts):
            try walk(x)
            for s in subscripts {
                if let lower = s.lower { try walk(lower) }
                if let upper = s.upper { try walk(upper) }
            }
        case .atTimeZone(let x, let zone):
            try walk(x)
            if let zone { try walk(zone) }
        case .raise(_, let message):
            if let message { try walk(message) }
        }
    }

    mutating func subquery(_ q: SelectStatement) throws(CatalogError) -> QueryOutput {
        if let known = subqueryOutputs[q.span] { return known }
        let output = try query(q)
        subqueryOutputs[q.span] = output
        return output
    }

    mutating func walk(_ call: FunctionCall) throws(CatalogError) {
        if let key = catalog.resolve(call.name, exists: { catalog.functions[$0] != nil }) {
            functionDependencies.insert(key)
        }
        for argument in call.arguments { try walk(argument.value) }
        for item in call.orderBy + call.withinGroup { try walk(item.expr) }
        if let filter = call.filter { try walk(filter) }
        if let over = call.over { try walk(over) }
    }

    mutating func walk(_ window: WindowSpec) throws(CatalogError) {
        for e in window.partitionBy { try walk(e) }
        for item in window.orderBy { try walk(item.expr) }
    }

    mutating func walk(_ element: GroupingElement) throws(CatalogError) {
        switch element {
        case .expr(let e): try walk(e)
        case .empty: return
        case .rollup(let sets), .cube(let sets):
            for set in sets { for e in set { try walk(e) } }
        case .groupingSets(let elements):
            for inner in elements { try walk(inner) }
        }
    }
}

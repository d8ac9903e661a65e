import SQLSyntax
import SchemaCatalog

// Expressions: every column, function, type and sequence they name is resolved
// and recorded; the value's type is worked out where it is cheap, so that a
// comparison or assignment that a retyped column breaks fails as on the server.

extension BindingContext {
    /// Binds an expression and returns what is known of its type.
    mutating func expression(_ e: Expr) throws(BindError) -> ValueType {
        depth += 1
        defer { depth -= 1 }
        guard mayDescend() else { return .unknown }
        switch e.kind {
        case .column(let name):
            return try lookup(name, span: e.span)?.type ?? .unknown
        case .star(let qualifier):
            _ = try expandStar(qualifier, span: e.span)
            return .unknown
        case .literal(let literal):
            return literalType(literal)
        case .parameter, .defaultValue, .invalid:
            return .unknown
        case .raise(_, let message):
            if let message { _ = try expression(message) }
            return .unknown
        case .unary(let op, let operand):
            let type = try expression(operand)
            if op.lowercased() == "not" {
                try requireBoolean(type, what: "argument of NOT", span: operand.span)
                return .known(.boolean)
            }
            return type
        case .binary(let op, let left, let right):
            return try binary(op, left, right, span: e.span)
        case .isTest(let x, let test, _):
            let type = try expression(x)
            if test == .true || test == .false || test == .unknown {
                try requireBoolean(type, what: "argument of IS \(test.rawValue.uppercased())", span: x.span)
            }
            return .known(.boolean)
        case .isDistinctFrom(let l, let r, _):
            try compare(try expression(l), "=", try expression(r), span: e.span)
            return .known(.boolean)
        case .between(let x, let low, let high, _, _):
            let type = try expression(x)
            try compare(type, ">=", try expression(low), span: e.span)
            try compare(type, "<=", try expression(high), span: e.span)
            return .known(.boolean)
        case .like(let x, let pattern, let escape, let kind, _):
            let type = try expression(x)
            _ = try expression(pattern)
            if let escape { _ = try expression(escape) }
            if rules.checksTypes, let known = type.columnType, let category = category(known),
                category != .string, category != .bytea, kind == .like || kind == .ilike || kind == .similar
            {
                let op = kind == .like ? "~~" : kind == .ilike ? "~~*" : "~"
                throw BindError(
                    SQLState.undefinedFunction, "operator does not exist: \(known.sql) \(op) unknown", span: e.span)
            }
            return .known(.boolean)
        case .inList(let x, let list, _):
            let type = try expression(x)
            for item in list { try compare(type, "=", try expression(item), span: item.span) }
            return .known(.boolean)
        case .inSubquery(let x, let q, _):
            let type = try expression(x)
            let output = try subquery(q)
            let width = rowWidth(x)
            if output.complete, output.columns.count != width {
                throw BindError(
                    SQLState.syntaxError,
                    output.columns.count > width ? "subquery has too many columns" : "subquery has too few columns",
                    span: q.span)
            }
            if width == 1, let first = output.columns.first { try compare(type, "=", first.type, span: e.span) }
            return .known(.boolean)
        case .quantified(let x, let op, _, let q, let array):
            let type = try expression(x)
            if let q {
                let output = try subquery(q)
                if output.complete, output.columns.count != rowWidth(x) {
                    throw BindError(SQLState.syntaxError, "subquery has too many columns", span: q.span)
                }
                if let first = output.columns.first { try compare(type, op, first.type, span: e.span) }
            }
            if let array {
                let arrayType = try expression(array)
                if case .known(let t) = arrayType, t.isArray { try compare(type, op, .known(t.element), span: e.span) }
            }
            return .known(.boolean)
        case .exists(let q):
            _ = try subquery(q)
            return .known(.boolean)
        case .subquery(let q):
            let output = try subquery(q)
            if output.complete, output.columns.count != 1 {
                throw BindError(SQLState.syntaxError, "subquery must return only one column", span: q.span)
            }
            return output.columns.first?.type ?? .unknown
        case .arraySubquery(let q):
            let output = try subquery(q)
            if let element = output.columns.first?.type.columnType, output.columns.count == 1 {
                return .known(element.arrayOf)
            }
            return .unknown
        case .array(let items):
            var element: ValueType = .unknown
            for (i, item) in items.enumerated() {
                let type = try expression(item)
                element = i == 0 ? type : try unify(element, type, context: "ARRAY", span: item.span)
            }
            if let known = element.columnType { return .known(known.isArray ? known : known.arrayOf) }
            return .unknown
        case .row(let items, _):
            for item in items { _ = try expression(item) }
            return .unknown
        case .cast(let x, let written):
            let source = try expression(x)
            let target = try typeName(written)
            if case .literal(let text) = source, let type = target.columnType {
                try coerceLiteral(text, to: type, span: x.span)
            }
            if case .literal(let text) = source, !rules.isSQLite, written.name.parts.count == 1,
                ["regclass"].contains(written.name.name)
            {
                try regclass(text, span: x.span)
            }
            return target
        case .typedLiteral(let written, let text):
            let target = try typeName(written)
            if let type = target.columnType { try coerceLiteral(text, to: type, span: e.span) }
            return target
        case .function(let call):
            return try functionCall(call, span: e.span)
        case .caseWhen(let operand, let branches, let otherwise):
            let operandType = try operand.map { (o: Expr) throws(BindError) in try expression(o) }
            var resultType: ValueType?
            for branch in branches {
                let conditionType = try expression(branch.condition)
                if let operandType {
                    try compare(operandType, "=", conditionType, span: branch.condition.span)
                } else {
                    try requireBoolean(conditionType, what: "argument of CASE/WHEN", span: branch.condition.span)
                }
                let type = try expression(branch.result)
                resultType = try resultType.map { (r: ValueType) throws(BindError) in
                    try unify(r, type, context: "CASE", span: branch.result.span)
                } ?? type
            }
            if let otherwise {
                let type = try expression(otherwise)
                resultType = try resultType.map { (r: ValueType) throws(BindError) in
                    try unify(r, type, context: "CASE", span: otherwise.span)
                } ?? type
            }
            return resultType ?? .unknown
        case .subscripted(let x, let subscripts):
            let type = try expression(x)
            for s in subscripts {
                if let lower = s.lower { _ = try expression(lower) }
                if let upper = s.upper { _ = try expression(upper) }
            }
            if let known = type.columnType, known.isArray {
                return subscripts.contains(where: \.isSlice) ? .known(known) : .known(known.element)
            }
            return .unknown
        case .field(let x, _):
            _ = try expression(x)
            return .unknown
        case .collate(let x, _):
            return try expression(x)
        case .atTimeZone(let x, let zone):
            _ = try expression(x)
            if let zone { _ = try expression(zone) }
            return .unknown
        }
    }

    /// A WHERE, HAVING or ON condition: it must be boolean.
    mutating func condition(_ e: Expr, clause: String) throws(BindError) {
        let type = try expression(e)
        try requireBoolean(type, what: "argument of \(clause)", span: e.span)
    }

    mutating func requireBoolean(_ type: ValueType, what: @autoclosure () -> String, span: SourceSpan) throws(BindError) {
        guard rules.checksTypes else { return }
        switch type {
        case .known(let t):
            if let c = category(t), c != .boolean {
                throw BindError(SQLState.datatypeMismatch, "\(what()) must be type boolean, not type \(t.sql)", span: span)
            }
        case .literal(let text):
            try coerceLiteral(text, to: .boolean, span: span)
        case .null, .unknown:
            return
        }
    }

    mutating func subquery(_ q: SelectStatement) throws(BindError) -> QueryOutput {
        try query(q)
    }

    private func rowWidth(_ e: Expr) -> Int {
        if case .row(let items, _) = e.kind { return items.count }
        return 1
    }

    func literalType(_ literal: Literal) -> ValueType {
        switch literal {
        case .integer(let text):
            // Up to nine decimal digits is always an int4 (a seed of thousands of
            // rows has one per value): no copy, no parse.
            if (1...9).contains(text.utf8.count), text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
                return .known(.integer)
            }
            let digits = text.filter { $0 != "_" }
            if Int32(digits) != nil { return .known(.integer) }
            if Int64(digits) != nil { return .known(.bigint) }
            return .known(ColumnType(name: "numeric"))
        case .decimal: return .known(ColumnType(name: "numeric"))
        case .string(let s): return .literal(s)
        case .boolean: return .known(.boolean)
        case .null: return .null
        case .bitString, .hexString: return .unknown
        }
    }

    private mutating func binary(_ op: String, _ left: Expr, _ right: Expr, span: SourceSpan) throws(BindError) -> ValueType {
        let l = try expression(left)
        let r = try expression(right)
        let lowered = op.lowercased()
        switch lowered {
        case "and", "or":
            try requireBoolean(l, what: "argument of \(lowered.uppercased())", span: left.span)
            try requireBoolean(r, what: "argument of \(lowered.uppercased())", span: right.span)
            return .known(.boolean)
        case "=", "==", "<>", "!=", "<", ">", "<=", ">=":
            try compare(l, lowered, r, span: span)
            return .known(.boolean)
        case "+", "-", "*", "/", "%":
            return try arithmetic(l, lowered, r, span: span)
        case "||":
            if let lt = l.columnType, lt.isArray { return l }
            if let rt = r.columnType, rt.isArray { return r }
            if rules.checksTypes, let lt = l.columnType, let rt = r.columnType, category(lt) != .string,
                category(rt) != .string, category(lt) != nil, category(rt) != nil,
                !(category(lt) == .jsonb && category(rt) == .jsonb), category(lt) != .bytea
            {
                throw BindError(
                    SQLState.undefinedFunction, "operator does not exist: \(lt.sql) || \(rt.sql)", span: span)
            }
            if case .known(let t) = l, category(t) == .jsonb { return l }
            return .known(.text)
        case "->>", "#>>":
            return .known(.text)
        case "->", "#>":
            return l.columnType.map { .known($0) } ?? .unknown
        case "@>", "<@", "&&":
            // The array operators take two arrays of one type (`anyarray`).
            if rules.checksTypes, let lt = l.columnType, let rt = r.columnType, lt.isArray, rt.isArray,
                lt.name != rt.name || lt.schema != rt.schema
            {
                throw BindError(
                    SQLState.undefinedFunction, "operator does not exist: \(lt.sql) \(op) \(rt.sql)", span: span)
            }
            return .known(.boolean)
        case "~~", "~~*", "!~~", "!~~*", "~", "~*", "!~", "!~*", "?", "?|", "?&", "@@", "@?":
            return .known(.boolean)
        default:
            return .unknown
        }
    }

    private func arithmetic(_ l: ValueType, _ op: String, _ r: ValueType, span: SourceSpan) throws(BindError) -> ValueType {
        guard rules.checksTypes, let lt = l.columnType, let rt = r.columnType, !lt.isArray, !rt.isArray,
            let lc = category(lt), let rc = category(rt)
        else {
            if case .known(let t) = l, case .literal = r { return .known(t) }
            if case .literal = l, case .known(let t) = r { return .known(t) }
            return .unknown
        }
        switch (lc, rc) {
        case (.numeric, .numeric):
            return .known(widerNumeric(lt, rt))
        case (.datetime, .timespan), (.timespan, .datetime), (.timespan, .timespan), (.datetime, .numeric),
            (.datetime, .datetime), (.time, .timespan), (.timespan, .numeric), (.numeric, .timespan), (.time, .time),
            (.datetime, .time), (.network, .numeric), (.network, .network):
            return .unknown
        default:
            throw BindError(SQLState.undefinedFunction, "operator does not exist: \(lt.sql) \(op) \(rt.sql)", span: span)
        }
    }

    private func widerNumeric(_ a: ColumnType, _ b: ColumnType) -> ColumnType {
        let order = ["int2", "int4", "int8", "numeric", "float4", "float8"]
        let ai = order.firstIndex(of: a.name) ?? 3
        let bi = order.firstIndex(of: b.name) ?? 3
        var type = ai >= bi ? a : b
        type.modifiers = []
        return type
    }
}

import SQLSyntax

extension Parser {
    /// One item of a FROM list with the joins chained onto it.
    mutating func parseFromItem() throws(ParseError) -> FromItem {
        try nested { (p: inout Parser) throws(ParseError) in try p.parseJoinChain() }
    }

    private mutating func parseJoinChain() throws(ParseError) -> FromItem {
        let start = position
        var left = try parseTableReference()
        while true {
            var natural = false
            var kind = Join.Kind.inner
            if at(.cross, .join) {
                position += 2
                let right = try parseTableReference()
                left = .join(Join(kind: .cross, natural: false, left: left, right: right, condition: .none, span: span(from: start)))
                continue
            }
            let save = position
            if eat(.natural) { natural = true }
            if eat(.inner) {
                kind = .inner
            } else if eat(.left) {
                kind = .left
                eat(.outer)
            } else if eat(.right) {
                kind = .right
                eat(.outer)
            } else if eat(.full) {
                kind = .full
                eat(.outer)
            }
            guard eat(.join) else {
                position = save
                return left
            }
            let right = try parseTableReference()
            var condition = Join.Condition.none
            if !natural {
                if eat(.on) {
                    condition = .on(try parseExpr())
                } else if eat(.using) {
                    let columns = try parseColumnList()
                    var alias: Identifier?
                    if eat(.as) { alias = try parseColumnId() }
                    condition = .using(columns, alias: alias)
                } else if dialect.kind != .sqlite {
                    throw expected("ON or USING")
                }
            }
            left = .join(Join(kind: kind, natural: natural, left: left, right: right, condition: condition, span: span(from: start)))
        }
    }

    private mutating func parseTableReference() throws(ParseError) -> FromItem {
        let start = position
        let lateral = eat(.lateral)
        if at(.leftParen) {
            if startsQuery() {
                let save = position
                do {
                    try expect(.leftParen)
                    let query = try parseSelectStatement()
                    try expect(.rightParen)
                    let alias = try parseTableAlias(allowColumnTypes: false)
                    return .subquery(query, alias: alias, lateral: lateral, span: span(from: start))
                } catch {
                    // `((SELECT ...) AS x JOIN y ON ...)`: a parenthesized join after all.
                    position = save
                }
            }
            try expect(.leftParen)
            let inner = try parseFromItem()
            try expect(.rightParen)
            let alias = try parseTableAlias(allowColumnTypes: false)
            return .parenthesized(inner, alias: alias, span: span(from: start))
        }
        if at(.rows, .from) {
            position += 2
            let calls = try parenthesized { (p: inout Parser) throws(ParseError) -> FunctionCall in
                let s = p.position
                let name = try p.parseFunctionName()
                let e = try p.parseFunctionCall(name, start: s)
                guard case .function(let call) = e.kind else { throw p.error("expected a function call") }
                // Per-function column definition list: `AS (a int, b text)`.
                if p.eat(.as) { _ = try p.parseColumnDefinitions() }
                return call
            }
            let ordinality = eat(.with, .ordinality)
            let alias = try parseTableAlias(allowColumnTypes: true)
            return .function(TableFunction(calls: calls, rowsFrom: true, withOrdinality: ordinality, lateral: lateral, alias: alias, span: span(from: start)))
        }
        let only = eat(.only)
        let parenthesizedOnly = only && eat(.leftParen)
        let name = try parseQualifiedName()
        if parenthesizedOnly { try expect(.rightParen) }
        if at(.leftParen) && !only {
            let e = try parseFunctionCall(name, start: start)
            guard case .function(let call) = e.kind else {
                throw ParseError(.syntax, "expected a table function", span: e.span)
            }
            let ordinality = eat(.with, .ordinality)
            let alias = try parseTableAlias(allowColumnTypes: true)
            return .function(TableFunction(calls: [call], withOrdinality: ordinality, lateral: lateral, alias: alias, span: span(from: start)))
        }
        eatOperator("*")
        let alias = try parseTableAlias(allowColumnTypes: false)
        var sample: FunctionCall?
        if eat(.tablesample) {
            let s = position
            let method = try parseFunctionName()
            if case .function(let call) = try parseFunctionCall(method, start: s).kind { sample = call }
            if eat(.repeatable) { _ = try parenthesized { (p: inout Parser) throws(ParseError) in try p.parseExpr() } }
        }
        var indexedBy: Identifier?
        if dialect.kind == .sqlite {
            if eat(.indexed) {
                try expect(.by)
                indexedBy = try parseColumnId()
            } else if at(.not) && peekIs(1, .indexed) {
                position += 2
            }
        }
        return .table(TableReference(name: name, only: only, alias: alias, sample: sample, indexedBy: indexedBy, span: span(from: start)))
    }

    /// `[AS] alias [(col, ...)]`, or for functions `[AS] [alias] (col type, ...)`.
    mutating func parseTableAlias(allowColumnTypes: Bool) throws(ParseError) -> TableAlias? {
        let explicit = eat(.as)
        var name: Identifier?
        if explicit {
            if !(allowColumnTypes && at(.leftParen)) { name = try parseColumnId() }
        } else if isAliasName(current) {
            name = identifier(current)
            advance()
        } else {
            return nil
        }
        var alias = TableAlias(name: name)
        if at(.leftParen) {
            if allowColumnTypes && looksLikeColumnDefinitions() {
                let defs = try parseColumnDefinitions()
                alias.columns = defs.map(\.0)
                alias.columnTypes = defs.map { Optional($0.1) }
            } else {
                alias.columns = try parseColumnList()
            }
        }
        return alias
    }

    /// A word that may be a table alias without AS: a name that does not start
    /// the next clause.
    private func isAliasName(_ t: Token) -> Bool {
        if t.kind == .quotedIdentifier { return true }
        guard t.kind == .identifier else { return false }
        guard let k = t.keyword else { return true }
        switch k {
        case .set, .on, .using, .where, .join, .left, .right, .full, .inner, .cross, .natural, .outer, .window, .limit,
            .offset, .order, .group, .having, .union, .except, .intersect, .returning, .tablesample, .indexed, .not,
            .for, .fetch, .with, .do, .when, .then, .lateral, .values, .select, .from, .into, .default:
            return false
        default:
            return isColumnId(t)
        }
    }

    /// After `(`: `name type` rather than `name,` or `name)`.
    private func looksLikeColumnDefinitions() -> Bool {
        let second = peek(2)
        return peek(1).kind == .identifier || peek(1).kind == .quotedIdentifier
            ? !(second.kind == .comma || second.kind == .rightParen) : false
    }

    /// `(name type, ...)`.
    mutating func parseColumnDefinitions() throws(ParseError) -> [(Identifier, TypeName)] {
        try expect(.leftParen)
        var defs: [(Identifier, TypeName)] = []
        repeat {
            let name = try parseColumnId()
            let type = try parseTypeName()
            if eat(.collate) { _ = try parseQualifiedName() }
            defs.append((name, type))
        } while eat(.comma)
        try expect(.rightParen)
        return defs
    }
}

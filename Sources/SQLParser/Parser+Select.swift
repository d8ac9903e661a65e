import SQLSyntax

extension Parser {
    /// `[WITH ...] select_body [ORDER BY ...] [LIMIT | OFFSET | FETCH ...] [FOR UPDATE ...]`.
    public mutating func parseSelectStatement(with: WithClause? = nil) throws(ParseError) -> SelectStatement {
        try nested { (p: inout Parser) throws(ParseError) in try p.parseSelectStatementBody(with: with) }
    }

    private mutating func parseSelectStatementBody(with given: WithClause?) throws(ParseError) -> SelectStatement {
        let start = position
        var with = given
        if with == nil && at(.with) { with = try parseWithClause() }
        let body = try parseSetExpression(minPrecedence: 0)
        var stmt = SelectStatement(with: with, body: body, span: .zero)
        try parseSelectTail(&stmt)
        stmt.span = span(from: start)
        return stmt
    }

    /// ORDER BY, LIMIT, OFFSET, FETCH and locking clauses, in any of the orders
    /// PostgreSQL and SQLite accept.
    private mutating func parseSelectTail(_ stmt: inout SelectStatement) throws(ParseError) {
        if at(.order) { stmt.orderBy = try parseOrderBy() }
        var progressed = true
        while progressed {
            progressed = false
            if eat(.limit) {
                if eat(.all) {
                    stmt.limitAll = true
                } else {
                    let first = try parseExpr()
                    if eat(.comma) {
                        // SQLite: LIMIT offset, count
                        stmt.offset = first
                        stmt.limit = try parseExpr()
                    } else {
                        stmt.limit = first
                    }
                }
                progressed = true
            }
            if eat(.offset) {
                stmt.offset = try parseExpr()
                if !eat(.row) { eat(.rows) }
                progressed = true
            }
            if eat(.fetch) {
                if !eat(.first) { try expect(.next) }
                if !at(.row) && !at(.rows) { stmt.limit = try parseExpr(restricted: true) }
                if !eat(.row) { try expect(.rows) }
                if eat(.with) {
                    try expect(.ties)
                    stmt.fetchWithTies = true
                } else {
                    try expect(.only)
                }
                progressed = true
            }
            if at(.for) {
                stmt.locking.append(try parseLockingClause())
                progressed = true
            }
        }
    }

    private mutating func parseLockingClause() throws(ParseError) -> LockingClause {
        try expect(.for)
        var strength: String
        if eat(.update) {
            strength = "UPDATE"
        } else if eat(.no) {
            try expect(.key)
            try expect(.update)
            strength = "NO KEY UPDATE"
        } else if eat(.share) {
            strength = "SHARE"
        } else if eat(.key) {
            try expect(.share)
            strength = "KEY SHARE"
        } else if eat(.read) {
            try expect(.only)
            strength = "READ ONLY"
        } else {
            throw expected("UPDATE, NO KEY UPDATE, SHARE or KEY SHARE")
        }
        var of: [QualifiedName] = []
        if eat(.of) {
            of = try commaSeparated { (p: inout Parser) throws(ParseError) in try p.parseQualifiedName() }
        }
        var wait: String?
        if eat(.nowait) {
            wait = "NOWAIT"
        } else if eat(.skip) {
            try expect(.locked)
            wait = "SKIP LOCKED"
        }
        return LockingClause(strength: strength, of: of, waitPolicy: wait)
    }

    /// UNION and EXCEPT bind looser than INTERSECT; all are left-associative.
    private mutating func parseSetExpression(minPrecedence: Int) throws(ParseError) -> SetExpression {
        var left = try parseSetPrimary()
        while true {
            let op: SetOperator
            let prec: Int
            if at(.union) {
                op = .union
                prec = 1
            } else if at(.except) {
                op = .except
                prec = 1
            } else if at(.intersect) {
                op = .intersect
                prec = 2
            } else {
                return left
            }
            guard prec > minPrecedence else { return left }
            advance()
            var all = false
            if eat(.all) { all = true } else { eat(.distinct) }
            let right = try nested { (p: inout Parser) throws(ParseError) in try p.parseSetExpression(minPrecedence: prec) }
            left = .setOperation(op, all: all, left: left, right: right)
        }
    }

    private mutating func parseSetPrimary() throws(ParseError) -> SetExpression {
        if at(.leftParen) {
            try expect(.leftParen)
            let inner = try parseSelectStatement()
            try expect(.rightParen)
            return .query(inner)
        }
        if at(.values) { return .values(try parseValues()) }
        if eat(.table) { return .table(try parseQualifiedName()) }
        return .select(try parseSelectCore())
    }

    /// `VALUES (a, b), (c, d)`.
    mutating func parseValues() throws(ParseError) -> ValuesList {
        let start = position
        try expect(.values)
        let rows = try commaSeparated { (p: inout Parser) throws(ParseError) -> [Expr] in
            try p.parenthesized { (q: inout Parser) throws(ParseError) in try q.parseExpr() }
        }
        return ValuesList(rows: rows, span: span(from: start))
    }

    /// `SELECT [ALL | DISTINCT [ON (...)]] targets [INTO t] [FROM ...] [WHERE ...]
    /// [GROUP BY ...] [HAVING ...] [WINDOW ...]`.
    private mutating func parseSelectCore() throws(ParseError) -> SelectCore {
        let start = position
        try expect(.select)
        var core = SelectCore(targets: [], span: .zero)
        if eat(.distinct) {
            if eat(.on) {
                let exprs = try parenthesized { (p: inout Parser) throws(ParseError) in try p.parseExpr() }
                core.distinct = .distinctOn(exprs)
            } else {
                core.distinct = .distinct
            }
        } else if eat(.all) {
            core.distinct = .all
        }
        if !atSelectTargetEnd() {
            core.targets = try commaSeparated { (p: inout Parser) throws(ParseError) in try p.parseSelectTarget() }
        }
        if eat(.into) {
            if eat(.temp) || eat(.temporary) || eat(.unlogged) {} else { eat(.table) }
            eat(.table)
            core.into = try parseQualifiedName()
        }
        if eat(.from) {
            core.from = try commaSeparated { (p: inout Parser) throws(ParseError) in try p.parseFromItem() }
        }
        if eat(.where) { core.where = try parseExpr() }
        if at(.group) {
            advance()
            try expect(.by)
            if eat(.distinct) { core.groupByDistinct = true } else { eat(.all) }
            core.groupBy = try commaSeparated { (p: inout Parser) throws(ParseError) in try p.parseGroupingElement() }
        }
        if eat(.having) { core.having = try parseExpr() }
        if eat(.window) {
            core.windows = try commaSeparated { (p: inout Parser) throws(ParseError) -> NamedWindow in
                let name = try p.parseColumnId()
                try p.expect(.as)
                return NamedWindow(name: name, spec: try p.parseWindowSpec())
            }
        }
        core.span = span(from: start)
        return core
    }

    private func atSelectTargetEnd() -> Bool {
        if atEnd || at(.rightParen) { return true }
        guard current.kind == .identifier else { return false }
        switch current.keyword {
        case .from, .where, .group, .having, .window, .union, .intersect, .except, .order, .limit, .offset, .into,
            .fetch, .for:
            return true
        default:
            return false
        }
    }

    /// `*`, `t.*`, or `expr [[AS] label]`.
    mutating func parseSelectTarget() throws(ParseError) -> SelectTarget {
        let start = position
        if atOperator("*") {
            advance()
            return SelectTarget(expr: Expr(.star(qualifier: nil), span: span(from: start)))
        }
        let expr = try parseExpr()
        var alias: Identifier?
        if eat(.as) {
            alias = try parseColumnLabel()
        } else if isBareLabel(current) {
            alias = identifier(current)
            advance()
        }
        return SelectTarget(expr: expr, alias: alias)
    }

    /// A label after an expression without AS: PostgreSQL's `BareColLabel`,
    /// approximated as any name that is not a clause keyword.
    private func isBareLabel(_ t: Token) -> Bool {
        if t.kind == .quotedIdentifier { return true }
        guard t.kind == .identifier else { return dialect.kind == .sqlite && t.kind == .string }
        guard let k = t.keyword else { return true }
        switch k {
        case .from, .where, .group, .having, .window, .union, .intersect, .except, .order, .limit, .offset, .into,
            .fetch, .for, .as, .on, .using, .returning, .and, .or, .not, .is, .isnull, .notnull, .like, .ilike,
            .between, .in, .similar, .collate, .at, .over, .filter, .within, .then, .when, .else, .end, .escape,
            .do, .set, .glob, .regexp, .match, .asc, .desc, .nulls:
            return false
        default:
            if dialect.kind == .sqlite { return !k.isSQLiteReserved }
            return k.postgresCategory != .reserved || k == .user
        }
    }

    private mutating func parseGroupingElement() throws(ParseError) -> GroupingElement {
        if at(.leftParen) && peek().kind == .rightParen {
            position += 2
            return .empty
        }
        if (at(.rollup) || at(.cube)) && peek().kind == .leftParen {
            let isRollup = at(.rollup)
            advance()
            let sets = try parenthesized { (p: inout Parser) throws(ParseError) -> [Expr] in
                if p.at(.leftParen) && !p.startsQuery() {
                    // (a, b) groups columns together.
                    let e = try p.parseExpr()
                    if case .row(let items, _) = e.kind { return items }
                    return [e]
                }
                return [try p.parseExpr()]
            }
            return isRollup ? .rollup(sets) : .cube(sets)
        }
        if at(.grouping, .sets) {
            position += 2
            let elements = try parenthesized { (p: inout Parser) throws(ParseError) in try p.parseGroupingElement() }
            return .groupingSets(elements)
        }
        return .expr(try parseExpr())
    }

    // MARK: WITH

    /// `WITH [RECURSIVE] name [(cols)] AS [[NOT] MATERIALIZED] (query), ...`.
    public mutating func parseWithClause() throws(ParseError) -> WithClause {
        let start = position
        try expect(.with)
        let recursive = eat(.recursive)
        let ctes = try commaSeparated { (p: inout Parser) throws(ParseError) -> CommonTableExpression in
            let s = p.position
            let name = try p.parseColumnId()
            var columns: [Identifier] = []
            if p.at(.leftParen) { columns = try p.parseColumnList() }
            try p.expect(.as)
            var materialized: Bool?
            if p.eat(.materialized) {
                materialized = true
            } else if p.eat(.not, .materialized) {
                materialized = false
            }
            try p.expect(.leftParen)
            let query = try p.nested { (q: inout Parser) throws(ParseError) in try q.parseQueryStatement() }
            try p.expect(.rightParen)
            // SEARCH {BREADTH|DEPTH} FIRST BY ... SET col; CYCLE ... SET ... USING ...
            if p.at(.search) || p.at(.cycle) {
                while !p.atEnd && !p.at(.comma) && !p.at(.select) && !p.at(.insert) && !p.at(.update)
                    && !p.at(.delete) && !p.at(.values) && !p.at(.merge) && !p.at(.leftParen)
                {
                    p.advance()
                }
            }
            return CommonTableExpression(name: name, columns: columns, materialized: materialized, query: query, span: p.span(from: s))
        }
        return WithClause(recursive: recursive, ctes: ctes, span: span(from: start))
    }

    /// A statement that may stand inside a CTE.
    mutating func parseQueryStatement() throws(ParseError) -> QueryStatement {
        var with: WithClause?
        if at(.with) { with = try parseWithClause() }
        switch current.kind == .identifier ? current.keyword : nil {
        case .insert: return .insert(try parseInsert(with: with))
        case .update: return .update(try parseUpdate(with: with))
        case .delete: return .delete(try parseDelete(with: with))
        case .merge: return .merge(try parseMerge(with: with))
        default: return .select(try parseSelectStatement(with: with))
        }
    }
}

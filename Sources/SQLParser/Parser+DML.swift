import SQLSyntax

extension Parser {
    /// `INSERT [OR action] INTO t [AS a] [(cols)] [OVERRIDING ...] {DEFAULT VALUES | query}
    /// [ON CONFLICT ...] [RETURNING ...]`; SQLite's `REPLACE INTO`.
    mutating func parseInsert(with: WithClause?) throws(ParseError) -> InsertStatement {
        let start = with.map { _ in position } ?? position
        var orAction: ConflictResolution?
        if eat(.replace) {
            orAction = .replace
        } else {
            try expect(.insert)
            if eat(.or) { orAction = try parseConflictResolution() }
        }
        try expect(.into)
        let table = try parseQualifiedName()
        var alias: Identifier?
        if eat(.as) { alias = try parseColumnId() }
        var columns: [InsertColumn] = []
        if at(.leftParen) && !startsQuery() {
            columns = try parenthesized { (p: inout Parser) throws(ParseError) in try p.parseTargetColumn() }
        }
        var overriding: String?
        if eat(.overriding) {
            if eat(.system) {
                overriding = "SYSTEM"
            } else {
                try expect(.user)
                overriding = "USER"
            }
            try expect(.value)
        }
        var source: SelectStatement?
        if eat(.default, .values) {
            source = nil
        } else {
            source = try parseSelectStatement()
        }
        var onConflict: OnConflict?
        while at(.on, .conflict) {
            // SQLite accepts several upsert clauses; the last one is kept.
            onConflict = try parseOnConflict()
        }
        var returning: [SelectTarget] = []
        if eat(.returning) { returning = try parseReturningList() }
        return InsertStatement(
            with: with, table: table, alias: alias, columns: columns, overriding: overriding, source: source,
            onConflict: onConflict, orAction: orAction, returning: returning, span: span(from: start))
    }

    mutating func parseConflictResolution() throws(ParseError) -> ConflictResolution {
        switch current.keyword {
        case .rollback: advance(); return .rollback
        case .abort: advance(); return .abort
        case .fail: advance(); return .fail
        case .ignore: advance(); return .ignore
        case .replace: advance(); return .replace
        default: throw expected("ROLLBACK, ABORT, FAIL, IGNORE or REPLACE")
        }
    }

    /// A column of an INSERT list or UPDATE SET: `col`, `col.field`, `col[1]`.
    mutating func parseTargetColumn() throws(ParseError) -> InsertColumn {
        var column = InsertColumn(name: try parseColumnId())
        while true {
            if at(.dot) {
                advance()
                column.indirection.append(try parseColumnLabel())
            } else if at(.leftBracket) {
                advance()
                _ = try parseExpr()
                if eat(.colon) { if !at(.rightBracket) { _ = try parseExpr() } }
                try expect(.rightBracket)
                column.hasSubscript = true
            } else {
                return column
            }
        }
    }

    private mutating func parseOnConflict() throws(ParseError) -> OnConflict {
        let start = position
        try expect(.on, .conflict)
        var target = OnConflict.Target.none
        if eat(.on, .constraint) {
            target = .constraint(try parseColumnId())
        } else if at(.leftParen) {
            let elements = try parenthesized { (p: inout Parser) throws(ParseError) in try p.parseIndexElement() }
            var predicate: Expr?
            if eat(.where) { predicate = try parseExpr() }
            target = .columns(elements, predicate: predicate)
        }
        try expect(.do)
        let action: OnConflict.Action
        if eat(.nothing) {
            action = .nothing
        } else {
            try expect(.update)
            try expect(.set)
            let set = try parseSetClauses()
            var condition: Expr?
            if eat(.where) { condition = try parseExpr() }
            action = .update(set, where: condition)
        }
        return OnConflict(target: target, action: action, span: span(from: start))
    }

    /// An index key as in CREATE INDEX and ON CONFLICT: `col | func(...) | (expr)
    /// [COLLATE c] [opclass [(opts)]] [ASC | DESC] [NULLS FIRST | LAST]`.
    public mutating func parseIndexElement() throws(ParseError) -> IndexElement {
        let start = position
        var key: IndexElement.Key
        if at(.leftParen) {
            try expect(.leftParen)
            key = .expression(try parseExpr())
            try expect(.rightParen)
        } else if (isColumnId(current) || isTypeFunctionName(current)) && (peek().kind == .leftParen || peek().kind == .dot) {
            // A function call as the key: `lower(email)`, `s.f(x)`.
            let e = try parseExpr(restricted: true)
            if case .column(let name) = e.kind, name.parts.count == 1 {
                key = .column(name.parts[0])
            } else {
                key = .expression(e)
            }
        } else {
            key = .column(try parseColumnId())
        }
        var element = IndexElement(key: key, span: .zero)
        if eat(.collate) { element.collation = try parseQualifiedName() }
        if isColumnId(current) && !at(.asc) && !at(.desc) && !at(.nulls) {
            element.opclass = try parseQualifiedName()
            if at(.leftParen) { try skipParenthesized() }
        }
        if eat(.asc) {
            element.descending = false
        } else if eat(.desc) {
            element.descending = true
        }
        if eat(.nulls) {
            if eat(.first) {
                element.nullsFirst = true
            } else {
                try expect(.last)
                element.nullsFirst = false
            }
        }
        element.span = span(from: start)
        return element
    }

    /// `col = expr, (a, b) = (x, y), (a, b) = (SELECT ...)`.
    mutating func parseSetClauses() throws(ParseError) -> [SetClause] {
        try commaSeparated { (p: inout Parser) throws(ParseError) -> SetClause in
            if p.at(.leftParen) {
                let columns = try p.parenthesized { (q: inout Parser) throws(ParseError) in try q.parseTargetColumn() }
                try p.expectOperator("=")
                return .multiple(columns, try p.parseExpr())
            }
            let column = try p.parseTargetColumn()
            try p.expectOperator("=")
            return .single(column, try p.parseExpr())
        }
    }

    mutating func parseReturningList() throws(ParseError) -> [SelectTarget] {
        try commaSeparated { (p: inout Parser) throws(ParseError) in try p.parseSelectTarget() }
    }

    /// `[ONLY] name [*] [[AS] alias]` as the target of UPDATE, DELETE or MERGE.
    private mutating func parseTargetTable() throws(ParseError) -> TableReference {
        let start = position
        let only = eat(.only)
        let name = try parseQualifiedName()
        eatOperator("*")
        var alias: TableAlias?
        if eat(.as) {
            alias = TableAlias(name: try parseColumnId())
        } else if isColumnId(current) && !at(.set) && !at(.using) && !at(.where) && !at(.returning) && !at(.indexed)
            && !at(.not)
        {
            alias = TableAlias(name: try parseColumnId())
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
        return TableReference(name: name, only: only, alias: alias, indexedBy: indexedBy, span: span(from: start))
    }

    /// `UPDATE [OR action] [ONLY] t [AS a] SET ... [FROM ...] [WHERE ...] [RETURNING ...]`.
    mutating func parseUpdate(with: WithClause?) throws(ParseError) -> UpdateStatement {
        let start = position
        try expect(.update)
        var orAction: ConflictResolution?
        if eat(.or) { orAction = try parseConflictResolution() }
        let table = try parseTargetTable()
        try expect(.set)
        let set = try parseSetClauses()
        var from: [FromItem] = []
        if eat(.from) {
            from = try commaSeparated { (p: inout Parser) throws(ParseError) in try p.parseFromItem() }
        }
        var condition: Expr?
        if eat(.where) {
            if eat(.current, .of) {
                _ = try parseColumnId()
            } else {
                condition = try parseExpr()
            }
        }
        var returning: [SelectTarget] = []
        if eat(.returning) { returning = try parseReturningList() }
        var stmt = UpdateStatement(with: with, table: table, orAction: orAction, set: set, from: from, where: condition, returning: returning, span: span(from: start))
        // SQLite: UPDATE ... ORDER BY ... LIMIT ...
        if dialect.kind == .sqlite {
            var tail = SelectStatement(body: .values(ValuesList(rows: [], span: .zero)), span: .zero)
            if at(.order) { tail.orderBy = try parseOrderBy() }
            if eat(.limit) { _ = try parseExpr(); if eat(.offset) || eat(.comma) { _ = try parseExpr() } }
            stmt.span = span(from: start)
        }
        return stmt
    }

    /// `DELETE FROM [ONLY] t [AS a] [USING ...] [WHERE ...] [RETURNING ...]`.
    mutating func parseDelete(with: WithClause?) throws(ParseError) -> DeleteStatement {
        let start = position
        try expect(.delete)
        try expect(.from)
        let table = try parseTargetTable()
        var using: [FromItem] = []
        if eat(.using) {
            using = try commaSeparated { (p: inout Parser) throws(ParseError) in try p.parseFromItem() }
        }
        var condition: Expr?
        if eat(.where) {
            if eat(.current, .of) {
                _ = try parseColumnId()
            } else {
                condition = try parseExpr()
            }
        }
        var returning: [SelectTarget] = []
        if eat(.returning) { returning = try parseReturningList() }
        if dialect.kind == .sqlite {
            if at(.order) { _ = try parseOrderBy() }
            if eat(.limit) { _ = try parseExpr(); if eat(.offset) || eat(.comma) { _ = try parseExpr() } }
        }
        return DeleteStatement(with: with, table: table, using: using, where: condition, returning: returning, span: span(from: start))
    }

    /// `MERGE INTO t [AS a] USING source ON cond WHEN ... [RETURNING ...]`.
    mutating func parseMerge(with: WithClause?) throws(ParseError) -> MergeStatement {
        let start = position
        try expect(.merge)
        try expect(.into)
        let target = try parseTargetTable()
        try expect(.using)
        let source = try parseFromItem()
        try expect(.on)
        let condition = try parseExpr()
        var whens: [MergeWhen] = []
        while eat(.when) {
            var match = MergeWhen.Match.matched
            if eat(.not) {
                try expect(.matched)
                match = .notMatchedByTarget
                if eat(.by) {
                    if eat(.source) {
                        match = .notMatchedBySource
                    } else {
                        try expect(.target)
                    }
                }
            } else {
                try expect(.matched)
            }
            var extra: Expr?
            if eat(.and) { extra = try parseExpr() }
            try expect(.then)
            let action: MergeWhen.Action
            if eat(.update) {
                try expect(.set)
                action = .update(try parseSetClauses())
            } else if eat(.delete) {
                action = .delete
            } else if eat(.do) {
                try expect(.nothing)
                action = .doNothing
            } else {
                try expect(.insert)
                var columns: [InsertColumn] = []
                if at(.leftParen) {
                    columns = try parenthesized { (p: inout Parser) throws(ParseError) in try p.parseTargetColumn() }
                }
                var overriding: String?
                if eat(.overriding) {
                    overriding = eat(.system) ? "SYSTEM" : (eat(.user) ? "USER" : nil)
                    try expect(.value)
                }
                if eat(.default, .values) {
                    action = .insert(columns: columns, values: nil, overriding: overriding)
                } else {
                    try expect(.values)
                    let values = try parenthesized { (p: inout Parser) throws(ParseError) in try p.parseExpr() }
                    action = .insert(columns: columns, values: values, overriding: overriding)
                }
            }
            whens.append(MergeWhen(match: match, condition: extra, action: action))
        }
        if whens.isEmpty { throw expected("WHEN") }
        var returning: [SelectTarget] = []
        if eat(.returning) { returning = try parseReturningList() }
        return MergeStatement(with: with, target: target, source: source, on: condition, whens: whens, returning: returning, span: span(from: start))
    }
}

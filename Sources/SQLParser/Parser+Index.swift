import SQLSyntax

extension Parser {
    /// `CREATE [UNIQUE] INDEX`. Current token: INDEX.
    ///
    /// ```
    /// CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] table [USING method]
    ///     (key, ...) [INCLUDE (col, ...)] [NULLS [NOT] DISTINCT] [WITH (option, ...)]
    ///     [TABLESPACE ts] [WHERE predicate]
    /// CREATE [UNIQUE] INDEX [IF NOT EXISTS] [schema.]name ON table (key, ...) [WHERE expr]  -- SQLite
    /// ```
    /// https://www.postgresql.org/docs/current/sql-createindex.html
    /// https://www.sqlite.org/lang_createindex.html
    mutating func parseCreateIndex(_ m: CreateModifiers) throws(ParseError) -> StatementNode {
        try rejectModifiers(m, allowing: [.unique])
        try expect(.index)
        let concurrently = dialect.supportsConcurrentIndex && eat(.concurrently)
        let ifNotExists = eat(.if, .not, .exists)
        var name: QualifiedName?
        if ifNotExists || !at(.on) {
            if dialect.qualifiedIndexNames {
                name = try parseQualifiedName()
            } else {
                let id = try parseColumnId()
                name = QualifiedName([id], span: id.span)
            }
        }
        try expect(.on)
        let only = eat(.only)
        let table = try parseQualifiedName()
        if !only { eatOperator("*") }
        var index = CreateIndexStatement(
            name: name, unique: m.unique, concurrently: concurrently, ifNotExists: ifNotExists, table: table,
            only: only,
            keys: [], span: .zero)
        if eat(.using) { index.method = try parseColumnId() }
        index.keys = try parenthesized { (p: inout Parser) throws(ParseError) in try p.parseIndexKey(ordering: true) }
        if eat(.include) { index.include = try parseColumnList() }
        index.nullsNotDistinct = try parseNullsDistinct()
        if at(.with) && peek().kind == .leftParen {
            advance()
            index.options = try parseOptionList()
        }
        if eat(.tablespace) { index.tablespace = try parseColumnId() }
        if eat(.where) { index.predicate = try parseExpr() }
        index.span = span(from: m.start)
        return .createIndex(index)
    }

    /// `index_elem`: `col | func(...) | (expr) [COLLATE c] [opclass [(options)]]
    /// [ASC | DESC] [NULLS FIRST | LAST]`; partition keys stop before the ordering.
    /// SQLite also takes bare expressions (`a + b`).
    mutating func parseIndexKey(ordering: Bool) throws(ParseError) -> IndexKey {
        let start = position
        var element = IndexElement(key: .column(Identifier("")), span: .zero)
        if at(.leftParen) {
            advance()
            element.key = .expression(try nested { (p: inout Parser) throws(ParseError) in try p.parseExpr() })
            try expect(.rightParen)
        } else if isColumnId(current) && endsIndexColumn(peek()) {
            element.key = .column(try parseColumnId())
        } else {
            var expr = try parseExpr(restricted: !dialect.indexKeysTakeBareExpressions)
            if case .collate(let inner, let collation) = expr.kind {
                element.collation = collation
                expr = inner
            }
            if case .column(let name) = expr.kind, name.parts.count == 1 {
                element.key = .column(name.parts[0])
            } else {
                element.key = .expression(expr)
            }
        }
        if eat(.collate) { element.collation = try parseQualifiedName() }
        var parameters: [OptionItem] = []
        if isColumnId(current) && !at(.asc) && !at(.desc) && !atNullsOrdering {
            element.opclass = try parseQualifiedName()
            if at(.leftParen) { parameters = try parseOptionList() }
        }
        if ordering {
            if eat(.asc) {
                element.descending = false
            } else if eat(.desc) {
                element.descending = true
            }
            if atNullsOrdering {
                advance()
                element.nullsFirst = at(.first)
                advance()
            }
        }
        element.span = span(from: start)
        return IndexKey(element: element, opclassParameters: parameters)
    }

    /// Whether `t`, after a name, shows that the name was a plain column key.
    private func endsIndexColumn(_ t: Token) -> Bool {
        switch t.kind {
        case .comma, .rightParen, .identifier, .quotedIdentifier: return true
        default: return false
        }
    }

    private var atNullsOrdering: Bool { at(.nulls) && (peekIs(1, .first) || peekIs(1, .last)) }
}

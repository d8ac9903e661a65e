import SQLSyntax

/// Binding power of infix and postfix forms, after PostgreSQL's `gram.y`
/// precedence table (higher binds tighter).
enum Precedence {
    static let or = 1
    static let and = 2
    static let not = 3
    static let `is` = 4
    static let comparison = 5
    static let like = 6  // BETWEEN, IN, LIKE, ILIKE, SIMILAR
    static let other = 7  // any other operator, OPERATOR(...)
    static let additive = 8
    static let multiplicative = 9
    static let exponent = 10
    static let at = 11
    static let collate = 12
    static let unary = 13
}

extension Parser {
    /// `a_expr`: a full expression.
    ///
    /// With `restricted`, reads PostgreSQL's `b_expr` instead, which stops before
    /// AND, OR, NOT, IS NULL, LIKE, BETWEEN and IN — what a column's `DEFAULT`
    /// takes, so that `DEFAULT 0 NOT NULL` leaves `NOT NULL` to the column.
    public mutating func parseExpr(restricted: Bool = false) throws(ParseError) -> Expr {
        try nested { (p: inout Parser) throws(ParseError) in try p.parseBinary(0, restricted: restricted) }
    }

    /// An expression, or `DEFAULT` where a value may be defaulted.
    public mutating func parseExprOrDefault() throws(ParseError) -> Expr {
        try parseExpr()
    }

    private mutating func parseBinary(_ minPrecedence: Int, restricted: Bool) throws(ParseError) -> Expr {
        let start = position
        var left = try parsePrefix(restricted: restricted)
        // Each operator in a row deepens the tree by one without recursing here; count
        // it against the depth budget, since freeing a tree recurses over its depth.
        let depthOnEntry = depth
        defer { depth = depthOnEntry }
        while true {
            depth += 1
            if depth > Parser.maxDepth {
                throw ParseError(.tooDeep, "expression is too deep (more than \(Parser.maxDepth) operators in a row)", span: current.span)
            }
            let t = current
            if t.kind == .operator || t.kind == .namedParameter && tokenEquals(t, "?") {
                let op = text(t)
                let prec = binaryPrecedence(op)
                guard prec > minPrecedence else { break }
                if restricted && prec <= Precedence.not { break }
                advance()
                // ANY / SOME / ALL on the right of an operator.
                if let quantified = try parseQuantified(left, op: op, start: start) {
                    left = quantified
                    continue
                }
                let right = try parseBinary(prec, restricted: restricted)
                left = Expr(.binary(op: op, left: left, right: right), span: span(from: start))
                continue
            }
            guard t.kind == .identifier, let keyword = t.keyword else { break }
            switch keyword {
            case .and:
                guard !restricted, Precedence.and > minPrecedence else { return left }
                advance()
                let right = try parseBinary(Precedence.and, restricted: restricted)
                left = Expr(.binary(op: "AND", left: left, right: right), span: span(from: start))
            case .or:
                guard !restricted, Precedence.or > minPrecedence else { return left }
                advance()
                let right = try parseBinary(Precedence.or, restricted: restricted)
                left = Expr(.binary(op: "OR", left: left, right: right), span: span(from: start))
            case .is:
                guard Precedence.is > minPrecedence else { return left }
                guard let e = try parseIsTest(left, start: start, restricted: restricted) else { return left }
                left = e
            case .isnull, .notnull:
                guard !restricted, Precedence.is > minPrecedence else { return left }
                advance()
                left = Expr(.isTest(left, test: .null, negated: keyword == .notnull), span: span(from: start))
            case .not:
                // x NOT LIKE / NOT IN / NOT BETWEEN / NOT ILIKE / NOT SIMILAR; SQLite `x NOT NULL`.
                guard !restricted, Precedence.like > minPrecedence else { return left }
                if dialect.kind == .sqlite && peekIs(1, .null) {
                    position += 2
                    left = Expr(.isTest(left, test: .null, negated: true), span: span(from: start))
                    continue
                }
                let next = peek()
                guard next.kind == .identifier,
                    [.like, .ilike, .between, .in, .similar, .glob, .regexp, .match].contains(next.keyword)
                else { return left }
                advance()
                left = try parseLikeFamily(left, negated: true, start: start)
            case .like, .ilike, .between, .in, .similar, .glob, .regexp, .match:
                guard !restricted, Precedence.like > minPrecedence else { return left }
                if (keyword == .glob || keyword == .regexp || keyword == .match) && dialect.kind != .sqlite { return left }
                left = try parseLikeFamily(left, negated: false, start: start)
            case .operator:
                // OPERATOR(schema.op)
                guard peek().kind == .leftParen, Precedence.other > minPrecedence else { return left }
                let op = try parseOperatorConstruct()
                if let quantified = try parseQuantified(left, op: op, start: start) {
                    left = quantified
                    continue
                }
                let right = try parseBinary(Precedence.other, restricted: restricted)
                left = Expr(.binary(op: op, left: left, right: right), span: span(from: start))
            case .at:
                guard !restricted, Precedence.at > minPrecedence else { return left }
                if peekIs(1, .time) && peekIs(2, .zone) {
                    position += 3
                    let zone = try parseBinary(Precedence.at, restricted: restricted)
                    left = Expr(.atTimeZone(left, zone), span: span(from: start))
                } else if peekIs(1, .local) {
                    position += 2
                    left = Expr(.atTimeZone(left, nil), span: span(from: start))
                } else {
                    return left
                }
            case .collate:
                guard !restricted || dialect.kind == .sqlite, Precedence.collate > minPrecedence else { return left }
                advance()
                let collation = try parseQualifiedName()
                left = Expr(.collate(left, collation), span: span(from: start))
            default:
                return left
            }
        }
        return left
    }

    /// The binding power of an infix operator spelled `op`.
    private func binaryPrecedence(_ op: String) -> Int {
        switch op {
        case "<", ">", "=", "<=", ">=", "<>", "!=", "==": return Precedence.comparison
        case "+", "-": return Precedence.additive
        case "*", "/", "%": return Precedence.multiplicative
        case "^": return Precedence.exponent
        default: return Precedence.other
        }
    }

    /// `OPERATOR(schema.+)`; returns the operator spelled `OPERATOR(schema.+)`.
    private mutating func parseOperatorConstruct() throws(ParseError) -> String {
        let start = position
        try expect(Keyword.operator)
        try expect(.leftParen)
        while !at(.rightParen) && !atEnd { advance() }
        try expect(.rightParen)
        return text(span(from: start))
    }

    /// After `op`: `ANY (...)`, `SOME (...)`, `ALL (...)`.
    private mutating func parseQuantified(_ left: Expr, op: String, start: Int) throws(ParseError) -> Expr? {
        let quantifier: Quantifier
        // Unwrap first: on an Optional, `case .some` would match every keyword.
        guard current.kind == .identifier, let keyword = current.keyword else { return nil }
        switch keyword {
        case .any: quantifier = .any
        case .some: quantifier = .some
        case .all: quantifier = .all
        default: return nil
        }
        guard peek().kind == .leftParen else { return nil }
        advance()
        try expect(.leftParen)
        let result: ExprKind
        if startsQuery() {
            let query = try nested { (p: inout Parser) throws(ParseError) in try p.parseSelectStatement() }
            result = .quantified(left, op: op, quantifier: quantifier, subquery: query, array: nil)
        } else {
            let array = try parseExpr()
            result = .quantified(left, op: op, quantifier: quantifier, subquery: nil, array: array)
        }
        try expect(.rightParen)
        return Expr(result, span: span(from: start))
    }

    /// Whether the tokens at the current position open a query: SELECT, VALUES,
    /// WITH, TABLE, or `(` leading to one of them.
    func startsQuery() -> Bool {
        var i = 0
        while peek(i).kind == .leftParen { i += 1 }
        let t = peek(i)
        guard t.kind == .identifier else { return false }
        switch t.keyword {
        case .select, .values, .with: return true
        case .table: return i == 0 || true
        default: return false
        }
    }

    /// `IS [NOT] NULL | TRUE | FALSE | UNKNOWN | DISTINCT FROM x | DOCUMENT | JSON | NORMALIZED`.
    private mutating func parseIsTest(_ left: Expr, start: Int, restricted: Bool) throws(ParseError) -> Expr? {
        let save = position
        advance()  // IS
        let negated = eat(.not)
        let test: IsTest
        switch current.keyword {
        case .null where !restricted: test = .null
        case .true where !restricted: test = .true
        case .false where !restricted: test = .false
        case .unknown where !restricted: test = .unknown
        case .document: test = .document
        case .json where !restricted:
            test = .json
            advance()
            // IS JSON [VALUE | SCALAR | ARRAY | OBJECT] [WITH | WITHOUT UNIQUE [KEYS]]
            if eat(.value) || eat(.scalar) || eat(.array) || eat(.object) {}
            if eat(.with) || eat(.without) {
                try expect(.unique)
                eat(.keys)
            }
            return Expr(.isTest(left, test: test, negated: negated), span: span(from: start))
        case .normalized where !restricted: test = .normalized
        case .distinct:
            advance()
            try expect(.from)
            let right = try parseBinary(Precedence.is, restricted: restricted)
            return Expr(.isDistinctFrom(left, right, negated: negated), span: span(from: start))
        default:
            if dialect.kind == .sqlite && !restricted {
                // SQLite: `a IS b` / `a IS NOT b` compare with NULLs as values.
                let right = try parseBinary(Precedence.is, restricted: restricted)
                return Expr(.isDistinctFrom(left, right, negated: !negated), span: span(from: start))
            }
            if restricted {
                position = save
                return nil
            }
            throw expected("NULL, TRUE, FALSE, UNKNOWN, DISTINCT FROM or DOCUMENT after IS")
        }
        advance()
        return Expr(.isTest(left, test: test, negated: negated), span: span(from: start))
    }

    /// `[NOT] LIKE | ILIKE | SIMILAR TO | BETWEEN | IN | GLOB | REGEXP | MATCH` after `left`.
    private mutating func parseLikeFamily(_ left: Expr, negated: Bool, start: Int) throws(ParseError) -> Expr {
        let keyword = current.keyword
        advance()
        switch keyword {
        case .between:
            let symmetric = eat(.symmetric)
            if !symmetric { eat(.asymmetric) }
            let low = try parseBinary(Precedence.like, restricted: true)
            try expect(.and)
            let high = try parseBinary(Precedence.like, restricted: false)
            return Expr(.between(left, low: low, high: high, negated: negated, symmetric: symmetric), span: span(from: start))
        case .in:
            if dialect.kind == .sqlite && !at(.leftParen) {
                // SQLite: `x IN table` / `x IN fn(args)`.
                let name = try parseQualifiedName()
                let ref = Expr(.column(name), span: name.span)
                if at(.leftParen) { try skipParenthesized() }
                return Expr(.inList(left, [ref], negated: negated), span: span(from: start))
            }
            try expect(.leftParen)
            if startsQuery() {
                let query = try nested { (p: inout Parser) throws(ParseError) in try p.parseSelectStatement() }
                try expect(.rightParen)
                return Expr(.inSubquery(left, query, negated: negated), span: span(from: start))
            }
            var items: [Expr] = []
            if !at(.rightParen) || dialect.kind != .sqlite {
                items = try commaSeparated { (p: inout Parser) throws(ParseError) in try p.parseExpr() }
            }
            try expect(.rightParen)
            return Expr(.inList(left, items, negated: negated), span: span(from: start))
        default:
            let kind: LikeKind
            switch keyword {
            case .ilike: kind = .ilike
            case .similar:
                try expect(.to)
                kind = .similar
            case .glob: kind = .glob
            case .regexp: kind = .regexp
            case .match: kind = .match
            default: kind = .like
            }
            let pattern = try parseBinary(Precedence.like, restricted: false)
            var escape: Expr?
            if eat(.escape) { escape = try parseBinary(Precedence.like, restricted: false) }
            return Expr(.like(left, pattern: pattern, escape: escape, kind: kind, negated: negated), span: span(from: start))
        }
    }

    /// Prefix operators (`NOT`, `-`, `+`, `~`, any prefix operator), then a postfix chain.
    private mutating func parsePrefix(restricted: Bool) throws(ParseError) -> Expr {
        let start = position
        let t = current
        if t.kind == .identifier && t.keyword == .not && !restricted {
            advance()
            let operand = try nested { (p: inout Parser) throws(ParseError) in try p.parseBinary(Precedence.not, restricted: false) }
            return Expr(.unary(op: "NOT", operand: operand), span: span(from: start))
        }
        if t.kind == .operator {
            // `@name` written without a space is an application placeholder (sqlc, named params).
            if tokenEquals(t, "@"), peek().kind == .identifier || peek().kind == .quotedIdentifier,
                peek().start == t.end
            {
                advance()
                let name = identifier(current)
                advance()
                return try parsePostfix(Expr(.parameter(Parameter(style: .named, name: name.value)), span: span(from: start)), start: start)
            }
            let op = text(t)
            advance()
            let prec = (op == "-" || op == "+") ? Precedence.unary : Precedence.other
            let operand = try nested { (p: inout Parser) throws(ParseError) in try p.parseBinary(prec, restricted: restricted) }
            // Fold `-1` into a literal so defaults print as the server shows them.
            if op == "-", case .literal(let lit) = operand.kind {
                switch lit {
                case .integer(let v): return Expr(.literal(.integer("-" + v)), span: span(from: start))
                case .decimal(let v): return Expr(.literal(.decimal("-" + v)), span: span(from: start))
                default: break
                }
            }
            return Expr(.unary(op: op, operand: operand), span: span(from: start))
        }
        let primary = try parsePrimary()
        return try parsePostfix(primary, start: start)
    }

    /// `::type`, `[i]`, `[a:b]`, `.field`, `.*` after an expression.
    private mutating func parsePostfix(_ base: Expr, start: Int) throws(ParseError) -> Expr {
        var e = base
        while true {
            switch current.kind {
            case .doubleColon:
                advance()
                let type = try parseTypeName()
                e = Expr(.cast(e, type), span: span(from: start))
            case .leftBracket:
                var subscripts: [Subscript] = []
                while at(.leftBracket) {
                    subscripts.append(try parseSubscript())
                }
                e = Expr(.subscripted(e, subscripts), span: span(from: start))
            case .dot:
                advance()
                if atOperator("*") {
                    advance()
                    e = Expr(.field(e, nil), span: span(from: start))
                } else {
                    let field = try parseColumnLabel()
                    e = Expr(.field(e, field), span: span(from: start))
                }
            default:
                return e
            }
        }
    }

    private mutating func parseSubscript() throws(ParseError) -> Subscript {
        try expect(.leftBracket)
        var lower: Expr?
        var upper: Expr?
        var slice = false
        if !at(.colon) { lower = try parseExpr() }
        if eat(.colon) {
            slice = true
            if !at(.rightBracket) { upper = try parseExpr() }
        }
        try expect(.rightBracket)
        return Subscript(lower: lower, upper: upper, isSlice: slice)
    }

    // MARK: Primary expressions

    private mutating func parsePrimary() throws(ParseError) -> Expr {
        let start = position
        let t = current
        switch t.kind {
        case .integer:
            advance()
            return Expr(.literal(.integer(text(t))), span: t.span)
        case .decimal:
            advance()
            return Expr(.literal(.decimal(text(t))), span: t.span)
        case .string, .escapeString, .unicodeString, .dollarString:
            let value = try parseString()
            return Expr(.literal(.string(value)), span: span(from: start))
        case .bitString:
            advance()
            return Expr(.literal(.bitString(stringValue(t))), span: t.span)
        case .hexString:
            advance()
            return Expr(.literal(.hexString(stringValue(t))), span: t.span)
        case .positionalParameter:
            advance()
            let index = Int(text(t).dropFirst())
            return Expr(.parameter(Parameter(style: .positional, index: index)), span: t.span)
        case .namedParameter:
            advance()
            let raw = text(t)
            if raw.hasPrefix("?") {
                return Expr(.parameter(Parameter(style: .question, index: Int(raw.dropFirst()))), span: t.span)
            }
            return Expr(.parameter(Parameter(style: .named, name: String(raw.dropFirst()))), span: t.span)
        case .colon:
            // `:name` placeholders in application SQL.
            let next = peek()
            if (next.kind == .identifier || next.kind == .quotedIdentifier) && next.start == t.end {
                advance()
                let name = identifier(current)
                advance()
                return Expr(.parameter(Parameter(style: .named, name: name.value)), span: span(from: start))
            }
            throw expected("an expression")
        case .leftParen:
            return try parseParenthesized()
        case .identifier, .quotedIdentifier:
            return try parseNamePrimary()
        default:
            throw expected("an expression")
        }
    }

    /// `( expr )`, `( SELECT ... )`, `( a, b )` (a row), `(expr).field`.
    private mutating func parseParenthesized() throws(ParseError) -> Expr {
        let start = position
        return try nested { (p: inout Parser) throws(ParseError) -> Expr in
            if p.startsQuery() {
                // `(SELECT ...)` may still be the first operand of `(SELECT 1) + 1`
                // or a parenthesized query followed by UNION; the query parser handles both.
                try p.expect(.leftParen)
                let query = try p.parseSelectStatement()
                try p.expect(.rightParen)
                return Expr(.subquery(query), span: p.span(from: start))
            }
            try p.expect(.leftParen)
            let first = try p.parseExpr()
            if p.eat(.comma) {
                var items = [first]
                items.append(contentsOf: try p.commaSeparated { (q: inout Parser) throws(ParseError) in try q.parseExpr() })
                try p.expect(.rightParen)
                return Expr(.row(items, explicit: false), span: p.span(from: start))
            }
            try p.expect(.rightParen)
            var inner = first
            inner.span = p.span(from: start)
            return inner
        }
    }

    /// Everything that starts with a word: keywords with their own syntax, column
    /// references, function calls, typed literals.
    private mutating func parseNamePrimary() throws(ParseError) -> Expr {
        let start = position
        let t = current
        if t.kind == .identifier, let keyword = t.keyword {
            if let e = try parseKeywordPrimary(keyword, start: start) { return e }
        }
        // A type name followed by a string: `date '2020-01-01'`, `pg_catalog.int4 '1'`.
        if t.kind == .identifier, peek().kind == .string || peek().kind == .escapeString || peek().kind == .dollarString
            || peek().kind == .unicodeString, isTypeFunctionName(t)
        {
            let name = try parseQualifiedName()
            let value = try parseString()
            return Expr(.typedLiteral(TypeName(name: name, span: name.span), value), span: span(from: start))
        }
        // A dotted name: column reference, `t.*`, or a function name.
        guard isColumnId(t) || isTypeFunctionName(t) else { throw expected("an expression") }
        advance()
        var parts = [identifier(t)]
        while at(.dot) {
            let next = peek()
            if next.kind == .operator && tokenEquals(next, "*") {
                position += 2
                let qualifier = QualifiedName(parts)
                return Expr(.star(qualifier: qualifier), span: span(from: start))
            }
            guard isColumnLabel(next) else { break }
            advance()
            parts.append(try parseColumnLabel())
        }
        let name = QualifiedName(parts, span: span(from: start))
        if at(.leftParen) {
            return try parseFunctionCall(name, start: start)
        }
        // `schema.type 'literal'` (typed literal with a qualified type).
        if parts.count > 1, at(TokenKind.string) {
            let value = try parseString()
            return Expr(.typedLiteral(TypeName(name: name, span: name.span), value), span: span(from: start))
        }
        if t.kind == .identifier && !isColumnId(t) {
            throw ParseError(.syntax, "expected an expression, found '\(text(t))'", span: t.span)
        }
        return Expr(.column(name), span: span(from: start))
    }

    /// Keywords with a syntax of their own in expressions; nil when the word is
    /// an ordinary name here.
    private mutating func parseKeywordPrimary(_ keyword: Keyword, start: Int) throws(ParseError) -> Expr? {
        switch keyword {
        case .null:
            advance()
            return Expr(.literal(.null), span: span(from: start))
        case .true:
            advance()
            return Expr(.literal(.boolean(true)), span: span(from: start))
        case .false:
            advance()
            return Expr(.literal(.boolean(false)), span: span(from: start))
        case .default:
            advance()
            return Expr(.defaultValue, span: span(from: start))
        case .case:
            return try parseCase()
        case .cast:
            guard peek().kind == .leftParen else { return nil }
            advance()
            try expect(.leftParen)
            let value = try parseExpr()
            try expect(.as)
            let type = try parseTypeName()
            try expect(.rightParen)
            return Expr(.cast(value, type), span: span(from: start))
        case .exists:
            guard peek().kind == .leftParen else { return nil }
            advance()
            try expect(.leftParen)
            let query = try nested { (p: inout Parser) throws(ParseError) in try p.parseSelectStatement() }
            try expect(.rightParen)
            return Expr(.exists(query), span: span(from: start))
        case .array:
            advance()
            if at(.leftParen) {
                try expect(.leftParen)
                let query = try nested { (p: inout Parser) throws(ParseError) in try p.parseSelectStatement() }
                try expect(.rightParen)
                return Expr(.arraySubquery(query), span: span(from: start))
            }
            return try parseArrayLiteral(start: start)
        case .row:
            guard peek().kind == .leftParen else { return nil }
            advance()
            try expect(.leftParen)
            var items: [Expr] = []
            if !at(.rightParen) {
                items = try commaSeparated { (p: inout Parser) throws(ParseError) in try p.parseExpr() }
            }
            try expect(.rightParen)
            return Expr(.row(items, explicit: true), span: span(from: start))
        case .current_date, .current_time, .current_timestamp, .localtime, .localtimestamp, .current_user,
            .session_user, .user, .current_role, .current_catalog, .system_user:
            if keyword == .current_time || keyword == .current_timestamp || keyword == .localtime
                || keyword == .localtimestamp, peek().kind == .leftParen
            {
                advance()
                let args = try parenthesized { (p: inout Parser) throws(ParseError) in FunctionArgument(value: try p.parseExpr()) }
                return Expr(.function(FunctionCall(name: QualifiedName([identifier(tokens[start])]), arguments: args)), span: span(from: start))
            }
            advance()
            return Expr(.function(FunctionCall(name: QualifiedName([identifier(tokens[start])]))), span: span(from: start))
        case .current_schema:
            advance()
            if at(.leftParen) {
                try expect(.leftParen)
                try expect(.rightParen)
            }
            return Expr(.function(FunctionCall(name: QualifiedName([Identifier("current_schema")]))), span: span(from: start))
        case .extract, .position, .substring, .trim, .overlay, .collation, .normalize:
            guard peek().kind == .leftParen || (keyword == .collation && peekIs(1, .for)) else { return nil }
            return try parseSpecialFunction(keyword, start: start)
        case .raise where dialect.kind == .sqlite:
            advance()
            try expect(.leftParen)
            let action = text(current).lowercased()
            advance()
            var message: Expr?
            if eat(.comma) { message = try parseExpr() }
            try expect(.rightParen)
            return Expr(.raise(action, message: message), span: span(from: start))
        case .interval, .timestamp, .time, .char, .character, .varchar, .nchar, .national, .bit, .numeric, .decimal,
            .dec, .boolean, .int, .integer, .smallint, .bigint, .real, .float, .double:
            // Typed literal with a SQL-standard type: `interval '1 day'`, `timestamp with time zone '...'`.
            if dialect.kind == .sqlite { return nil }
            let save = position
            if let type = try? parseTypeName(), atString {
                let value = try parseString()
                var type = type
                // `interval '1' day`: fields after the literal.
                if keyword == .interval, let fields = parseIntervalFields() { type.intervalFields = fields }
                return Expr(.typedLiteral(type, value), span: span(from: start))
            }
            position = save
            return nil
        default:
            return nil
        }
    }

    private mutating func parseArrayLiteral(start: Int) throws(ParseError) -> Expr {
        try expect(.leftBracket)
        var items: [Expr] = []
        if !at(.rightBracket) {
            items = try nested { (p: inout Parser) throws(ParseError) in
                try p.commaSeparated { (q: inout Parser) throws(ParseError) -> Expr in
                    if q.at(.leftBracket) {
                        let s = q.position
                        return try q.parseArrayLiteral(start: s)
                    }
                    return try q.parseExpr()
                }
            }
        }
        try expect(.rightBracket)
        return Expr(.array(items), span: span(from: start))
    }

    private mutating func parseCase() throws(ParseError) -> Expr {
        let start = position
        try expect(.case)
        var operand: Expr?
        if !at(.when) { operand = try parseExpr() }
        var branches: [CaseBranch] = []
        while eat(.when) {
            let condition = try parseExpr()
            try expect(.then)
            let result = try parseExpr()
            branches.append(CaseBranch(condition: condition, result: result))
        }
        if branches.isEmpty { throw expected("WHEN") }
        var otherwise: Expr?
        if eat(.else) { otherwise = try parseExpr() }
        try expect(.end)
        return Expr(.caseWhen(operand: operand, branches: branches, otherwise: otherwise), span: span(from: start))
    }

    /// EXTRACT, POSITION, SUBSTRING, TRIM, OVERLAY, COLLATION FOR, NORMALIZE with
    /// their keyword-separated arguments, as calls of the function they stand for.
    private mutating func parseSpecialFunction(_ keyword: Keyword, start: Int) throws(ParseError) -> Expr {
        let nameToken = current
        advance()
        var name = keyword.text
        if keyword == .collation {
            try expect(.for)
            name = "pg_collation_for"
        }
        try expect(.leftParen)
        var args: [Expr] = []
        try nested { (p: inout Parser) throws(ParseError) in
            switch keyword {
            case .extract:
                // EXTRACT(field FROM source)
                let field = p.current
                p.advance()
                args.append(Expr(.literal(.string(p.text(field).lowercased())), span: field.span))
                try p.expect(.from)
                args.append(try p.parseExpr())
            case .position:
                // POSITION(a IN b): b_expr IN b_expr
                let needle = try p.parseExpr(restricted: true)
                try p.expect(.in)
                args.append(try p.parseExpr(restricted: true))
                args.append(needle)
            case .trim:
                if p.eat(.both) || p.eat(.leading) || p.eat(.trailing) {}
                if p.eat(.from) {
                    args = try p.commaSeparated { (q: inout Parser) throws(ParseError) in try q.parseExpr() }
                } else if !p.at(.rightParen) {
                    let first = try p.parseExpr()
                    if p.eat(.from) {
                        args = try p.commaSeparated { (q: inout Parser) throws(ParseError) in try q.parseExpr() }
                        args.append(first)
                    } else {
                        args = [first]
                        while p.eat(.comma) { args.append(try p.parseExpr()) }
                    }
                }
            default:
                // SUBSTRING(x FROM a FOR b), OVERLAY(x PLACING y FROM a FOR b), NORMALIZE(x, NFC),
                // or plain comma-separated arguments.
                if !p.at(.rightParen) {
                    args.append(try p.parseExpr())
                    while true {
                        if p.eat(.comma) || p.eat(.from) || p.eat(.for) || p.eat(.placing) || p.eat(.similar) || p.eat(.escape) {
                            args.append(try p.parseExpr())
                        } else {
                            break
                        }
                    }
                }
            }
        }
        try expect(.rightParen)
        let call = FunctionCall(name: QualifiedName([Identifier(name, span: nameToken.span)]), arguments: args.map { FunctionArgument(value: $0) })
        return Expr(.function(call), span: span(from: start))
    }

    /// `f(args) [WITHIN GROUP (...)] [FILTER (WHERE ...)] [OVER ...]`; `sqlc.arg(x)` becomes a parameter.
    mutating func parseFunctionCall(_ name: QualifiedName, start: Int) throws(ParseError) -> Expr {
        // sqlc's placeholders look like calls: sqlc.arg(name), sqlc.narg(name), sqlc.slice(name).
        if name.parts.count == 2, name.parts[0].value == "sqlc" {
            let kind = name.parts[1].value
            if kind == "arg" || kind == "narg" || kind == "slice" {
                try expect(.leftParen)
                let argToken = current
                var argName = ""
                if atString {
                    argName = try parseString()
                } else {
                    argName = try parseColumnLabel().value
                }
                _ = argToken
                try expect(.rightParen)
                let parameter = Parameter(style: .sqlc, name: argName, nullable: kind == "narg", isSlice: kind == "slice")
                return Expr(.parameter(parameter), span: span(from: start))
            }
        }
        try expect(.leftParen)
        var call = FunctionCall(name: name)
        try nested { (p: inout Parser) throws(ParseError) in
            if p.atOperator("*") {
                p.advance()
                call.star = true
            } else if !p.at(.rightParen) {
                if p.eat(.distinct) {
                    call.distinct = true
                } else {
                    p.eat(.all)
                }
                call.arguments = try p.commaSeparated { (q: inout Parser) throws(ParseError) in try q.parseFunctionArgument() }
                if p.at(.order) {
                    call.orderBy = try p.parseOrderBy()
                }
            }
        }
        try expect(.rightParen)
        if at(.within) {
            advance()
            try expect(.group)
            try expect(.leftParen)
            call.withinGroup = try parseOrderBy()
            try expect(.rightParen)
        }
        if at(.filter) && peek().kind == .leftParen {
            advance()
            try expect(.leftParen)
            try expect(.where)
            call.filter = try parseExpr()
            try expect(.rightParen)
        }
        if eat(.over) {
            if at(.leftParen) {
                call.over = try parseWindowSpec()
            } else {
                let base = try parseColumnId()
                call.over = WindowSpec(baseName: base, span: base.span)
            }
        }
        return Expr(.function(call), span: span(from: start))
    }

    private mutating func parseFunctionArgument() throws(ParseError) -> FunctionArgument {
        let variadic = eat(.variadic)
        // name => value, name := value
        let next = peek()
        if (next.kind == .equalsGreater || next.kind == .colonEquals) && isColumnLabel(current) {
            let name = try parseColumnLabel()
            advance()
            return FunctionArgument(name: name, value: try parseExpr(), variadic: variadic)
        }
        return FunctionArgument(value: try parseExpr(), variadic: variadic)
    }

    /// `( [base] [PARTITION BY ...] [ORDER BY ...] [frame] )`.
    mutating func parseWindowSpec() throws(ParseError) -> WindowSpec {
        let start = position
        try expect(.leftParen)
        var spec = WindowSpec()
        if atColumnId && !at(.partition) && !at(.order) && !at(.rows) && !at(.range) && !at(.groups) {
            spec.baseName = try parseColumnId()
        }
        if eat(.partition) {
            try expect(.by)
            spec.partitionBy = try commaSeparated { (p: inout Parser) throws(ParseError) in try p.parseExpr() }
        }
        if at(.order) { spec.orderBy = try parseOrderBy() }
        if at(.rows) || at(.range) || at(.groups) {
            let unit = text(current).uppercased()
            advance()
            var offsets: [Expr] = []
            let between = eat(.between)
            try parseFrameBound(&offsets)
            if between {
                try expect(.and)
                try parseFrameBound(&offsets)
            }
            if eat(.exclude) {
                if eat(.current) {
                    try expect(.row)
                } else if eat(.no) {
                    try expect(.others)
                } else if !eat(.group) && !eat(.ties) {
                    throw expected("CURRENT ROW, GROUP, TIES or NO OTHERS")
                }
            }
            spec.frame = WindowFrame(unit: unit, offsets: offsets)
        }
        try expect(.rightParen)
        spec.span = span(from: start)
        return spec
    }

    private mutating func parseFrameBound(_ offsets: inout [Expr]) throws(ParseError) {
        if eat(.unbounded) {
            if !eat(.preceding) { try expect(.following) }
        } else if eat(.current) {
            try expect(.row)
        } else {
            offsets.append(try parseExpr(restricted: false))
            if !eat(.preceding) { try expect(.following) }
        }
    }

    /// `ORDER BY expr [ASC | DESC | USING op] [NULLS FIRST | LAST], ...`.
    mutating func parseOrderBy() throws(ParseError) -> [OrderItem] {
        try expect(.order)
        try expect(.by)
        return try commaSeparated { (p: inout Parser) throws(ParseError) -> OrderItem in
            var item = OrderItem(expr: try p.parseExpr())
            if p.eat(.asc) {
                item.direction = .ascending
            } else if p.eat(.desc) {
                item.direction = .descending
            } else if p.eat(.using) {
                item.direction = .using
                item.usingOperator = p.text(p.current)
                p.advance()
            }
            if p.eat(.nulls) {
                if p.eat(.first) {
                    item.nulls = .first
                } else {
                    try p.expect(.last)
                    item.nulls = .last
                }
            }
            return item
        }
    }

    /// `YEAR`, `DAY TO SECOND(3)`, ... after `INTERVAL`; nil if none.
    mutating func parseIntervalFields() -> String? {
        let fields: [Keyword] = [.year, .month, .day, .hour, .minute, .second]
        guard let k = current.keyword, current.kind == .identifier, fields.contains(k) else { return nil }
        var words = [k.text]
        advance()
        if eat(.to), let k2 = current.keyword, fields.contains(k2) {
            words.append("to")
            words.append(k2.text)
            advance()
        }
        if at(.leftParen), peek().kind == .integer, peek(2).kind == .rightParen {
            words[words.count - 1] += "(\(text(peek())))"
            position += 3
        }
        return words.joined(separator: " ")
    }
}

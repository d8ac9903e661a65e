import SQLSyntax

extension Parser {
    /// `Typename`: `[SETOF] type [ARRAY [n] | [n] ...]`, PostgreSQL's SQL-standard
    /// spellings mapped to their `pg_catalog` names; for SQLite, any run of words with
    /// an optional `(n [, m])`.
    public mutating func parseTypeName() throws(ParseError) -> TypeName {
        let start = position
        if dialect.kind == .sqlite { return try parseSQLiteTypeName() }
        let setOf = eat(.setof)
        var type = try parseSimpleTypeName()
        type.setOf = setOf
        // %TYPE / %ROWTYPE
        if atOperator("%"), peek().kind == .identifier {
            let word = text(peek()).lowercased()
            if word == "type" || word == "rowtype" {
                position += 2
                type.percentType = true
            }
        }
        // Array bounds: `[]`, `[3]`, `ARRAY`, `ARRAY[3]`.
        if eat(.array) {
            if at(.leftBracket) {
                advance()
                var bound: Int?
                if at(TokenKind.integer) {
                    bound = Int(text(current))
                    advance()
                }
                try expect(.rightBracket)
                type.arrayBounds.append(bound)
            } else {
                type.arrayBounds.append(nil)
            }
        } else {
            while at(.leftBracket) {
                advance()
                var bound: Int?
                if at(TokenKind.integer) {
                    bound = Int(text(current))
                    advance()
                }
                try expect(.rightBracket)
                type.arrayBounds.append(bound)
            }
        }
        type.span = span(from: start)
        return type
    }

    private func builtin(_ name: String, _ token: Token) -> QualifiedName {
        QualifiedName([Identifier("pg_catalog", span: token.span), Identifier(name, span: token.span)], span: token.span)
    }

    private mutating func parseTypeModifiers() throws(ParseError) -> [Expr] {
        guard at(.leftParen) else { return [] }
        return try parenthesized { (p: inout Parser) throws(ParseError) in try p.parseExpr() }
    }

    private mutating func parseSimpleTypeName() throws(ParseError) -> TypeName {
        let start = position
        let t = current
        guard t.kind == .identifier || t.kind == .quotedIdentifier else { throw expected("a type name") }
        if t.kind == .identifier, let keyword = t.keyword {
            switch keyword {
            case .int, .integer:
                advance()
                return TypeName(name: builtin("int4", t), span: span(from: start))
            case .smallint:
                advance()
                return TypeName(name: builtin("int2", t), span: span(from: start))
            case .bigint:
                advance()
                return TypeName(name: builtin("int8", t), span: span(from: start))
            case .real:
                advance()
                return TypeName(name: builtin("float4", t), span: span(from: start))
            case .float:
                advance()
                let mods = try parseTypeModifiers()
                var name = "float8"
                if let first = mods.first, case .literal(.integer(let p)) = first.kind, let precision = Int(p) {
                    if precision < 1 { throw ParseError(.syntax, "precision for type float must be at least 1 bit", span: first.span) }
                    if precision > 53 { throw ParseError(.syntax, "precision for type float must be less than 54 bits", span: first.span) }
                    name = precision <= 24 ? "float4" : "float8"
                }
                return TypeName(name: builtin(name, t), span: span(from: start))
            case .double:
                advance()
                try expect(.precision)
                return TypeName(name: builtin("float8", t), span: span(from: start))
            case .decimal, .dec, .numeric:
                advance()
                let mods = try parseTypeModifiers()
                return TypeName(name: builtin("numeric", t), modifiers: mods, span: span(from: start))
            case .boolean:
                advance()
                return TypeName(name: builtin("bool", t), span: span(from: start))
            case .json:
                advance()
                return TypeName(name: builtin("json", t), span: span(from: start))
            case .bit:
                advance()
                let varying = eat(.varying)
                var mods = try parseTypeModifiers()
                if !varying && mods.isEmpty { mods = [Expr(.literal(.integer("1")), span: t.span)] }
                return TypeName(name: builtin(varying ? "varbit" : "bit", t), modifiers: mods, span: span(from: start))
            case .character, .char, .nchar, .national, .varchar:
                advance()
                if keyword == .national {
                    if !eat(.character) { try expect(.char) }
                }
                var varying = keyword == .varchar
                if keyword != .varchar && eat(.varying) { varying = true }
                var mods = try parseTypeModifiers()
                // CHARACTER SET x is accepted and ignored by PostgreSQL.
                if at(.character) && peekIs(1, .set) {
                    position += 2
                    _ = try parseColumnId()
                }
                if !varying && mods.isEmpty { mods = [Expr(.literal(.integer("1")), span: t.span)] }
                return TypeName(name: builtin(varying ? "varchar" : "bpchar", t), modifiers: mods, span: span(from: start))
            case .timestamp, .time:
                advance()
                let mods = try parseTypeModifiers()
                var zone = false
                if eat(.with) {
                    try expect(.time)
                    try expect(.zone)
                    zone = true
                } else if eat(.without) {
                    try expect(.time)
                    try expect(.zone)
                }
                let base = keyword == .timestamp ? "timestamp" : "time"
                return TypeName(name: builtin(zone ? base + "tz" : base, t), modifiers: mods, span: span(from: start))
            case .interval:
                advance()
                var mods = try parseTypeModifiers()
                let fields = parseIntervalFields()
                if mods.isEmpty, fields == nil { mods = [] }
                if at(.leftParen) { mods = try parseTypeModifiers() }
                return TypeName(name: builtin("interval", t), modifiers: mods, intervalFields: fields, span: span(from: start))
            default:
                break
            }
        }
        // Generic: type_function_name [. attrs] [(modifiers)].
        guard isTypeFunctionName(t) || isColumnId(t) else { throw expected("a type name") }
        advance()
        var parts = [identifier(t)]
        while at(.dot) && isColumnLabel(peek()) {
            advance()
            parts.append(try parseColumnLabel())
        }
        let name = QualifiedName(parts, span: span(from: start))
        let mods = try parseTypeModifiers()
        return TypeName(name: name, modifiers: mods, span: span(from: start))
    }

    /// SQLite: `VARCHAR(255)`, `UNSIGNED BIG INT`, `DOUBLE PRECISION`, `DECIMAL(10, 5)`.
    private mutating func parseSQLiteTypeName() throws(ParseError) -> TypeName {
        let start = position
        var words: [String] = []
        while current.kind == .identifier || current.kind == .quotedIdentifier {
            let t = current
            if let k = t.keyword, stopsSQLiteTypeName(k) { break }
            words.append(identifier(t).value)
            advance()
        }
        guard !words.isEmpty else { throw expected("a type name") }
        var mods: [Expr] = []
        if at(.leftParen) {
            mods = try parenthesized { (p: inout Parser) throws(ParseError) -> Expr in
                let s = p.position
                let value = try p.parseSignedInteger()
                return Expr(.literal(.integer(String(value))), span: p.span(from: s))
            }
        }
        let span = span(from: start)
        return TypeName(name: QualifiedName([Identifier(words.joined(separator: " "), span: span)], span: span), modifiers: mods, span: span)
    }

    /// Words that end a SQLite type name because a column constraint starts there.
    private func stopsSQLiteTypeName(_ k: Keyword) -> Bool {
        switch k {
        case .constraint, .primary, .not, .null, .unique, .check, .default, .collate, .references, .generated, .as,
            .on, .autoincrement, .asc, .desc:
            return true
        default:
            return false
        }
    }
}

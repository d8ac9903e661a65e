import SQLSyntax

// Small grammars shared by the object and utility statements (and by the table
// grammar): option lists, role names, numbers kept as text, CASCADE | RESTRICT.

extension Parser {
    /// `( expr )`.
    mutating func parseParenthesizedExpr() throws(ParseError) -> Expr {
        try expect(.leftParen)
        let expr = try nested { (p: inout Parser) throws(ParseError) in try p.parseExpr() }
        try expect(.rightParen)
        return expr
    }

    /// `( name [=] [value], ... )`: definitions, storage options, VACUUM and COPY options.
    mutating func parseOptionList() throws(ParseError) -> [OptionItem] {
        try parenthesized { (p: inout Parser) throws(ParseError) in try p.parseOptionItem() }
    }

    /// `name [. name] [[=] value]`, the value running to the next `,` or `)` at this level.
    mutating func parseOptionItem() throws(ParseError) -> OptionItem {
        let start = position
        var name = try parseColumnLabel().value
        while at(.dot) && isColumnLabel(peek()) {
            advance()
            name += "." + (try parseColumnLabel().value)
        }
        eatOperator("=")
        let value = try parseOptionValue()
        return OptionItem(name: name, value: value, span: span(from: start))
    }

    /// The tokens of one option value, up to a `,` or `)` at this level; nil when there are none.
    mutating func parseOptionValue() throws(ParseError) -> String? {
        let start = position
        var level = 0
        scan: while !atEnd {
            switch current.kind {
            case .leftParen:
                level += 1
            case .rightParen:
                if level == 0 { break scan }
                level -= 1
            case .comma:
                if level == 0 { break scan }
            default:
                break
            }
            advance()
        }
        if position == start { return nil }
        if position == start + 1 { return valueText(tokens[start]) }
        return text(span(from: start))
    }

    /// A one-token value as a string: strings unquoted, names folded, anything else as written.
    func valueText(_ t: Token) -> String {
        switch t.kind {
        case .string, .escapeString, .unicodeString, .dollarString: return stringValue(t)
        case .identifier, .quotedIdentifier: return identifier(t).value
        default: return text(t)
        }
    }

    /// `RoleSpec`: a role name, `CURRENT_USER`, `CURRENT_ROLE`, `SESSION_USER` or `PUBLIC`.
    mutating func parseRoleSpec() throws(ParseError) -> RoleSpec {
        if eat(.current_user) { return .currentUser }
        if eat(.current_role) { return .currentRole }
        if eat(.session_user) { return .sessionUser }
        let t = current
        guard isColumnId(t) || isTypeFunctionName(t) else { throw expected("a role name") }
        advance()
        let name = identifier(t)
        if !name.quoted && name.value == "public" { return .public }
        return .name(name)
    }

    /// `NonReservedWord_or_Sconst`: a name (folded) or a string (unquoted).
    mutating func parseNameOrString() throws(ParseError) -> String {
        if atString { return try parseString() }
        let t = current
        guard isColumnId(t) || isTypeFunctionName(t) else { throw expected("a name or a string") }
        advance()
        return identifier(t).value
    }

    /// `NumericOnly`: a signed integer or decimal, kept as written with its sign.
    mutating func parseNumericText() throws(ParseError) -> String {
        var sign = ""
        if atOperator("-") {
            sign = "-"
            advance()
        } else if atOperator("+") {
            advance()
        }
        let t = current
        guard t.kind == TokenKind.integer || t.kind == .decimal else { throw expected("a number") }
        advance()
        return sign + text(t)
    }

    /// `[CASCADE | RESTRICT]`.
    mutating func parseDropBehavior() -> DropBehavior? {
        if eat(.cascade) { return .cascade }
        if eat(.restrict) { return .restrict }
        return nil
    }

    /// `COLLATE any_name`, when written.
    mutating func parseCollateClause() throws(ParseError) -> QualifiedName? {
        guard eat(.collate) else { return nil }
        return try parseQualifiedName()
    }
}

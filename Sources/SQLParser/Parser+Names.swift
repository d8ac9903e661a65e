import SQLSyntax

extension Parser {
    /// Whether the current token can be a column or table name (`ColId`):
    /// an identifier, a quoted identifier, or an unreserved / column-name keyword.
    public var atColumnId: Bool { isColumnId(current) }

    public func isColumnId(_ t: Token) -> Bool {
        switch t.kind {
        case .quotedIdentifier: return true
        case .identifier:
            guard let k = t.keyword else { return true }
            if dialect.kind == .sqlite { return !k.isSQLiteReserved }
            let c = k.postgresCategory
            return c == .unreserved || c == .columnName || c == .none
        default: return false
        }
    }

    /// `type_function_name`: an identifier, unreserved or type/function-name keyword.
    public func isTypeFunctionName(_ t: Token) -> Bool {
        switch t.kind {
        case .quotedIdentifier: return true
        case .identifier:
            guard let k = t.keyword else { return true }
            if dialect.kind == .sqlite { return !k.isSQLiteReserved }
            let c = k.postgresCategory
            return c == .unreserved || c == .typeFunctionName || c == .none
        default: return false
        }
    }

    /// `ColLabel`: any word at all, reserved keywords included (after `AS`, after a dot).
    public func isColumnLabel(_ t: Token) -> Bool {
        t.kind == .identifier || t.kind == .quotedIdentifier
    }

    /// The identifier a token spells: folded to lower case, or unquoted.
    public func identifier(_ t: Token) -> Identifier {
        let start = Int(t.start)
        let end = Int(t.end)
        if t.kind == .quotedIdentifier {
            return Identifier(unquoteIdentifier(start, end), quoted: true, span: t.span)
        }
        if t.kind == .string {
            // SQLite accepts 'name' where a name is expected.
            return Identifier(stringValue(t), quoted: true, span: t.span)
        }
        // PostgreSQL folds ASCII letters only (downcase_identifier with UTF-8).
        let folded = String(unsafeUninitializedCapacity: end - start) { buffer in
            for i in start..<end {
                let b = source[i]
                buffer[i - start] = (b >= 65 && b <= 90) ? b | 0x20 : b
            }
            return end - start
        }
        return Identifier(folded, quoted: false, span: t.span)
    }

    private func unquoteIdentifier(_ start: Int, _ end: Int) -> String {
        var s = start
        var unicode = false
        if source[s] | 0x20 == UInt8(ascii: "u") && s + 1 < end && source[s + 1] == UInt8(ascii: "&") {
            s += 2
            unicode = true
        }
        let open = source[s]
        let close: UInt8 = open == UInt8(ascii: "[") ? UInt8(ascii: "]") : open
        var bytes: [UInt8] = []
        bytes.reserveCapacity(end - s)
        var i = s + 1
        let stop = end - 1
        while i < stop {
            let b = source[i]
            if b == close && i + 1 < stop && source[i + 1] == close && close != UInt8(ascii: "]") {
                bytes.append(b)
                i += 2
                continue
            }
            bytes.append(b)
            i += 1
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return unicode ? StringLiteral.decodeUnicodeEscapes(text, escape: "\\") : text
    }

    /// `ColId`.
    public mutating func parseColumnId() throws(ParseError) -> Identifier {
        let t = current
        if isColumnId(t) || (dialect.kind == .sqlite && t.kind == .string) {
            advance()
            return identifier(t)
        }
        throw expected("a name")
    }

    /// `ColLabel`: any word, reserved ones included.
    public mutating func parseColumnLabel() throws(ParseError) -> Identifier {
        let t = current
        if isColumnLabel(t) || (dialect.kind == .sqlite && t.kind == .string) {
            advance()
            return identifier(t)
        }
        throw expected("a name")
    }

    /// `any_name`: `ColId [. ColLabel ...]` — tables, types, indexes, schemas.
    public mutating func parseQualifiedName() throws(ParseError) -> QualifiedName {
        let start = position
        var parts = [try parseColumnId()]
        while at(.dot) && isColumnLabel(peek()) {
            advance()
            parts.append(try parseColumnLabel())
        }
        return QualifiedName(parts, span: span(from: start))
    }

    /// `func_name`: a function name, which may be a type/function-name keyword
    /// (`left`, `right`, `like`...) when unqualified.
    public mutating func parseFunctionName() throws(ParseError) -> QualifiedName {
        let start = position
        let t = current
        guard isTypeFunctionName(t) || isColumnId(t) else { throw expected("a function name") }
        advance()
        var parts = [identifier(t)]
        while at(.dot) && isColumnLabel(peek()) {
            advance()
            parts.append(try parseColumnLabel())
        }
        return QualifiedName(parts, span: span(from: start))
    }

    /// `name [, name ...]` inside parentheses: `(a, b, c)`.
    public mutating func parseColumnList() throws(ParseError) -> [Identifier] {
        try parenthesized { (p: inout Parser) throws(ParseError) in try p.parseColumnId() }
    }

    // MARK: Literals

    /// Whether the current token is a string literal of any form.
    public var atString: Bool {
        switch current.kind {
        case .string, .escapeString, .unicodeString, .dollarString: return true
        default: return false
        }
    }

    /// The value of a string-literal token, with escapes applied.
    public func stringValue(_ t: Token) -> String {
        StringLiteral.value(of: t, in: source)
    }

    /// Reads a string literal (any form, `UESCAPE` included) and returns its value.
    public mutating func parseString() throws(ParseError) -> String {
        let t = current
        guard atString else { throw expected("a string") }
        advance()
        var value = stringValue(t)
        if t.kind == .unicodeString, at(.identifier), text(current).lowercased() == "uescape", peek().kind == .string {
            advance()
            let escape = stringValue(current)
            advance()
            // Re-decode with the custom escape character.
            value = StringLiteral.value(of: t, in: source, unicodeEscape: escape.first ?? "\\")
        }
        return value
    }

    /// A signed integer such as `-1` or `42`.
    public mutating func parseSignedInteger() throws(ParseError) -> Int {
        var negative = false
        if atOperator("-") {
            negative = true
            advance()
        } else if atOperator("+") {
            advance()
        }
        let t = try expect(TokenKind.integer)
        guard let value = Int(String(text(t).filter { $0 != "_" })) else {
            throw ParseError(.syntax, "integer out of range", span: t.span)
        }
        return negative ? -value : value
    }
}

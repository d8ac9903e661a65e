import SQLSyntax

/// A recursive-descent parser over the tokens of one statement.
///
/// The statement's tokens end at `limit` (its `;` or the end of input), so a parse
/// can never run into the next statement. Grammar lives in extensions split by
/// statement family (`Parser+Select.swift`, `Parser+AlterTable.swift`, ...), each
/// function opening with the synopsis it follows.
public struct Parser {
    public let source: UnsafeBufferPointer<UInt8>
    public let tokens: UnsafeBufferPointer<Token>
    public let dialect: Dialect
    /// Index of the current token.
    public var position: Int
    /// Index one past the statement's last token.
    public let limit: Int
    /// Current nesting of parentheses / subqueries, bounded by `maxDepth`.
    var depth = 0
    /// PostgreSQL itself stops near this depth (max_stack_depth); so do we.
    static let maxDepth = 1000
    /// Stops recursion before the thread's stack runs out, whatever its size.
    let stackGuard: StackGuard

    init(
        source: UnsafeBufferPointer<UInt8>, tokens: UnsafeBufferPointer<Token>, dialect: Dialect, start: Int, limit: Int,
        stackGuard: StackGuard
    ) {
        self.source = source
        self.tokens = tokens
        self.dialect = dialect
        self.position = start
        self.limit = limit
        self.stackGuard = stackGuard
    }

    // MARK: Looking at tokens

    /// The end-of-statement token: what `current` is once `limit` is reached.
    private var endToken: Token {
        let end = limit > 0 ? Int(tokens[limit - 1].end) : 0
        return Token(kind: .endOfInput, start: end, end: end)
    }

    @inline(__always) public var current: Token {
        position < limit ? tokens[position] : endToken
    }

    @inline(__always) public func peek(_ offset: Int = 1) -> Token {
        let i = position + offset
        return i < limit && i >= 0 ? tokens[i] : endToken
    }

    public var atEnd: Bool { position >= limit }

    /// The previous token (the last one consumed).
    public var previous: Token {
        position > 0 && position - 1 < limit ? tokens[position - 1] : current
    }

    @inline(__always) public mutating func advance() {
        if position < limit { position += 1 }
    }

    /// Whether the current token is the bare word `keyword`.
    @inline(__always) public func at(_ keyword: Keyword) -> Bool {
        let t = current
        return t.kind == .identifier && t.keyword == keyword
    }

    @inline(__always) public func at(_ kind: TokenKind) -> Bool { current.kind == kind }

    public func peekIs(_ offset: Int, _ keyword: Keyword) -> Bool {
        let t = peek(offset)
        return t.kind == .identifier && t.keyword == keyword
    }

    /// Whether the next tokens are these keywords, in order.
    public func at(_ keywords: Keyword...) -> Bool {
        for (i, k) in keywords.enumerated() where !peekIs(i, k) { return false }
        return true
    }

    /// Whether the current token is the operator `text` (e.g. `=`, `*`).
    public func atOperator(_ text: StaticString) -> Bool {
        current.kind == .operator && tokenEquals(current, text)
    }

    public func tokenEquals(_ token: Token, _ text: StaticString) -> Bool {
        let length = Int(token.end - token.start)
        guard length == text.utf8CodeUnitCount else { return false }
        let p = text.utf8Start
        for i in 0..<length where source[Int(token.start) + i] != p[i] { return false }
        return true
    }

    // MARK: Consuming tokens

    @discardableResult
    public mutating func eat(_ keyword: Keyword) -> Bool {
        if at(keyword) {
            advance()
            return true
        }
        return false
    }

    @discardableResult
    public mutating func eat(_ kind: TokenKind) -> Bool {
        if at(kind) {
            advance()
            return true
        }
        return false
    }

    /// Consumes these keywords if all of them come next.
    @discardableResult
    public mutating func eat(_ keywords: Keyword...) -> Bool {
        for (i, k) in keywords.enumerated() where !peekIs(i, k) { return false }
        position += keywords.count
        return true
    }

    @discardableResult
    public mutating func eatOperator(_ text: StaticString) -> Bool {
        if atOperator(text) {
            advance()
            return true
        }
        return false
    }

    public mutating func expect(_ keyword: Keyword) throws(ParseError) {
        guard eat(keyword) else { throw expected(keyword.text.uppercased()) }
    }

    public mutating func expect(_ keywords: Keyword...) throws(ParseError) {
        for k in keywords {
            guard eat(k) else { throw expected(k.text.uppercased()) }
        }
    }

    @discardableResult
    public mutating func expect(_ kind: TokenKind) throws(ParseError) -> Token {
        let t = current
        guard t.kind == kind else { throw expected(Parser.describe(kind)) }
        advance()
        return t
    }

    public mutating func expectOperator(_ text: StaticString) throws(ParseError) {
        guard eatOperator(text) else { throw expected("'\(text)'") }
    }

    /// Consumes every remaining token of the statement.
    public mutating func skipToEnd() {
        position = Swift.max(position, limit)
    }

    /// Skips a balanced parenthesized group starting at the current `(`.
    public mutating func skipParenthesized() throws(ParseError) {
        try expect(.leftParen)
        var level = 1
        while !atEnd {
            let k = current.kind
            advance()
            if k == .leftParen { level += 1 } else if k == .rightParen {
                level -= 1
                if level == 0 { return }
            }
        }
        throw expected("')'")
    }

    // MARK: Spans and errors

    /// The span from token index `start` to the last consumed token.
    public func span(from start: Int) -> SourceSpan {
        let first = start < limit ? tokens[start] : endToken
        let lastIndex = Swift.max(start, position - 1)
        let last = lastIndex < limit ? tokens[lastIndex] : endToken
        return SourceSpan(start: Int(first.start), end: Swift.max(Int(first.start), Int(last.end)))
    }

    public func text(_ token: Token) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: source[Int(token.start)..<Int(token.end)]), as: UTF8.self)
    }

    public func text(_ span: SourceSpan) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: source[span.start..<span.end]), as: UTF8.self)
    }

    /// A syntax error at the current token.
    public func error(_ message: String) -> ParseError {
        ParseError(.syntax, message, span: current.span)
    }

    /// "expected X, found Y" at the current token.
    public func expected(_ what: String) -> ParseError {
        let t = current
        let found = t.kind == .endOfInput ? "end of statement" : "'\(text(t))'"
        return ParseError(.syntax, "expected \(what), found \(found)", span: t.span)
    }

    /// A form that is valid but not modelled: the caller falls back to `.other`.
    public func unsupported(_ what: String) -> ParseError {
        ParseError(.unsupported, "\(what) is not modelled in full", span: current.span)
    }

    /// Runs `body` one nesting level deeper, refusing input nested past `maxDepth`.
    @inline(__always)
    public mutating func nested<T>(_ body: (inout Parser) throws(ParseError) -> T) throws(ParseError) -> T {
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maxDepth || stackGuard.exhausted() {
            throw ParseError(.tooDeep, "nesting is too deep (\(depth) levels)", span: current.span)
        }
        return try body(&self)
    }

    static func describe(_ kind: TokenKind) -> String {
        switch kind {
        case .leftParen: return "'('"
        case .rightParen: return "')'"
        case .leftBracket: return "'['"
        case .rightBracket: return "']'"
        case .comma: return "','"
        case .semicolon: return "';'"
        case .dot: return "'.'"
        case .colon: return "':'"
        case .doubleColon: return "'::'"
        case .identifier: return "a name"
        case .quotedIdentifier: return "a quoted name"
        case .string, .escapeString, .unicodeString, .dollarString: return "a string"
        case .integer: return "an integer"
        case .decimal: return "a number"
        case .endOfInput: return "end of statement"
        default: return "\(kind)"
        }
    }

    // MARK: Lists

    /// `item [, item ...]`.
    public mutating func commaSeparated<T>(_ item: (inout Parser) throws(ParseError) -> T) throws(ParseError) -> [T] {
        var items = [try item(&self)]
        while eat(.comma) { items.append(try item(&self)) }
        return items
    }

    /// `( item [, item ...] )`.
    public mutating func parenthesized<T>(_ item: (inout Parser) throws(ParseError) -> T) throws(ParseError) -> [T] {
        try expect(.leftParen)
        let items = try nested { (p: inout Parser) throws(ParseError) in try p.commaSeparated(item) }
        try expect(.rightParen)
        return items
    }
}

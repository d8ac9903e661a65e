import SQLSyntax

/// The result of lexing one source text.
public struct LexedSource: Sendable {
    public var tokens: [Token]
    public var comments: [Comment]
    /// Problems found while lexing (unterminated strings, stray bytes), with spans.
    public var problems: [LexProblem]
}

/// A lexical problem: where and what.
public struct LexProblem: Sendable, Hashable {
    public var span: SourceSpan
    public var message: String
}

/// Splits SQL text into tokens, following PostgreSQL's `scan.l` (or SQLite's
/// `tokenize.c`) closely enough that statement boundaries match the server's.
///
/// The lexer never fails: unreadable input becomes an `.invalid` token and a
/// `LexProblem`, and lexing goes on after it.
public struct Lexer {
    public let dialect: Dialect

    public init(dialect: Dialect) {
        self.dialect = dialect
    }

    public func lex(_ bytes: [UInt8]) -> LexedSource {
        bytes.withUnsafeBufferPointer { buffer in
            var state = LexerState(input: buffer, dialect: dialect)
            state.run()
            return LexedSource(tokens: state.tokens, comments: state.comments, problems: state.problems)
        }
    }
}

private let NUL: UInt8 = 0

@inline(__always) private func isSpace(_ c: UInt8) -> Bool {
    c == 32 || (c >= 9 && c <= 13)
}
@inline(__always) private func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
@inline(__always) private func isIdentStart(_ c: UInt8) -> Bool {
    (c | 0x20) >= 97 && (c | 0x20) <= 122 || c == 95 || c >= 0x80
}
@inline(__always) private func isIdentContinue(_ c: UInt8) -> Bool {
    isIdentStart(c) || isDigit(c) || c == 36  // '$'
}
@inline(__always) private func isHexDigit(_ c: UInt8) -> Bool {
    isDigit(c) || ((c | 0x20) >= 97 && (c | 0x20) <= 102)
}

/// PostgreSQL's operator characters (`op_chars` in scan.l).
@inline(__always) private func isOperatorChar(_ c: UInt8) -> Bool {
    switch c {
    case UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "@"), UInt8(ascii: "#"),
        UInt8(ascii: "^"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "`"),
        UInt8(ascii: "?"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"),
        UInt8(ascii: "/"), UInt8(ascii: "%"), UInt8(ascii: "<"), UInt8(ascii: ">"),
        UInt8(ascii: "="):
        return true
    default:
        return false
    }
}

private struct LexerState {
    let input: UnsafeBufferPointer<UInt8>
    let dialect: Dialect
    var pos = 0
    var tokens: [Token] = []
    var comments: [Comment] = []
    var problems: [LexProblem] = []
    /// Index in `tokens` of the first token of the current statement.
    var statementStart = 0

    init(input: UnsafeBufferPointer<UInt8>, dialect: Dialect) {
        self.input = input
        self.dialect = dialect
        tokens.reserveCapacity(input.count / 5 + 16)
    }

    @inline(__always) func peek(_ offset: Int = 0) -> UInt8 {
        let i = pos + offset
        return i < input.count ? input[i] : NUL
    }

    mutating func add(_ kind: TokenKind, _ start: Int, keyword: Keyword? = nil) {
        tokens.append(Token(kind: kind, keyword: keyword, start: start, end: pos))
    }

    mutating func problem(_ message: String, _ start: Int, _ end: Int) {
        problems.append(LexProblem(span: SourceSpan(start: start, end: end), message: message))
    }

    /// True when only blanks stand between the start of the line and `pos`.
    func atLineStart() -> Bool {
        var i = pos - 1
        while i >= 0 {
            let c = input[i]
            if c == 10 { return true }
            if c != 32 && c != 9 && c != 13 { return false }
            i -= 1
        }
        return true
    }

    mutating func run() {
        while pos < input.count {
            let c = input[pos]
            if isSpace(c) {
                pos += 1
                continue
            }
            let start = pos
            switch c {
            case UInt8(ascii: "-") where peek(1) == UInt8(ascii: "-"):
                lineComment()
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
                blockComment()
            case UInt8(ascii: "'"):
                quotedString(kind: .string, start: start, backslashEscapes: false)
            case UInt8(ascii: "\""):
                quotedIdentifier(close: UInt8(ascii: "\""), start: start)
            case UInt8(ascii: "[") where dialect.supportsBracketIdentifiers:
                quotedIdentifier(close: UInt8(ascii: "]"), start: start)
            case UInt8(ascii: "`") where dialect.supportsBracketIdentifiers:
                quotedIdentifier(close: UInt8(ascii: "`"), start: start)
            case UInt8(ascii: "$"):
                dollar(start)
            case UInt8(ascii: "("): pos += 1; add(.leftParen, start)
            case UInt8(ascii: ")"): pos += 1; add(.rightParen, start)
            case UInt8(ascii: "["): pos += 1; add(.leftBracket, start)
            case UInt8(ascii: "]"): pos += 1; add(.rightBracket, start)
            case UInt8(ascii: ","): pos += 1; add(.comma, start)
            case UInt8(ascii: ";"):
                pos += 1
                add(.semicolon, start)
                afterSemicolon()
            case UInt8(ascii: ":"):
                colon(start)
            case UInt8(ascii: "."):
                if isDigit(peek(1)) {
                    number(start)
                } else {
                    pos += 1
                    add(.dot, start)
                }
            case UInt8(ascii: "\\") where dialect.supportsPsqlMetaCommands && atLineStart():
                while pos < input.count && input[pos] != 10 { pos += 1 }
                add(.psqlMetaCommand, start)
                statementStart = tokens.count
            case UInt8(ascii: "?") where !isOperatorChar(peek(1)) || dialect.kind == .sqlite:
                pos += 1
                while isDigit(peek()) { pos += 1 }
                add(.namedParameter, start)
            case UInt8(ascii: "@") where dialect.kind == .sqlite && isIdentStart(peek(1)):
                pos += 1
                while isIdentContinue(peek()) { pos += 1 }
                add(.namedParameter, start)
            default:
                if isDigit(c) {
                    number(start)
                } else if isIdentStart(c) {
                    word(start)
                } else if isOperatorChar(c) {
                    operatorToken(start)
                } else {
                    pos += 1
                    // Swallow the rest of a multi-byte sequence, if any.
                    add(.invalid, start)
                    problem("unexpected character", start, pos)
                }
            }
        }
        tokens.append(Token(kind: .endOfInput, start: input.count, end: input.count))
    }

    // MARK: Comments

    mutating func lineComment() {
        let start = pos
        while pos < input.count && input[pos] != 10 { pos += 1 }
        comments.append(Comment(style: .line, span: SourceSpan(start: start, end: pos)))
    }

    mutating func blockComment() {
        let start = pos
        pos += 2
        var depth = 1
        while pos < input.count {
            let c = input[pos]
            if c == UInt8(ascii: "*") && peek(1) == UInt8(ascii: "/") {
                pos += 2
                depth -= 1
                if depth == 0 { break }
            } else if dialect.nestedBlockComments && c == UInt8(ascii: "/") && peek(1) == UInt8(ascii: "*") {
                pos += 2
                depth += 1
            } else {
                pos += 1
            }
        }
        if depth > 0 {
            if dialect.kind == .sqlite {
                // SQLite ends an unterminated comment at the end of input silently.
            } else {
                problem("unterminated /* comment", start, pos)
                tokens.append(Token(kind: .invalid, start: start, end: pos))
                return
            }
        }
        comments.append(Comment(style: .block, span: SourceSpan(start: start, end: pos)))
    }

    // MARK: Strings and identifiers

    /// Reads a `'...'` literal starting at the quote at `pos`, including PostgreSQL's
    /// continuation of adjacent literals separated by a newline.
    mutating func quotedString(kind: TokenKind, start: Int, backslashEscapes: Bool) {
        pos += 1  // opening quote
        while true {
            guard scanQuotedBody(backslashEscapes: backslashEscapes) else {
                add(.invalid, start)
                problem("unterminated quoted string", start, pos)
                return
            }
            // PostgreSQL joins 'a'\n'b' into one literal.
            if dialect.supportsPrefixedStrings, let next = continuationQuote() {
                pos = next + 1
                continue
            }
            break
        }
        add(kind, start)
    }

    /// Scans to just past the closing quote; false when input ends first.
    mutating func scanQuotedBody(backslashEscapes: Bool) -> Bool {
        while pos < input.count {
            let c = input[pos]
            if c == UInt8(ascii: "'") {
                if peek(1) == UInt8(ascii: "'") {
                    pos += 2
                    continue
                }
                pos += 1
                return true
            }
            if backslashEscapes && c == UInt8(ascii: "\\") {
                pos += 2
                continue
            }
            pos += 1
        }
        pos = input.count
        return false
    }

    /// The offset of a quote that continues the literal just closed, if any:
    /// whitespace holding at least one newline (comments allowed), then `'`.
    func continuationQuote() -> Int? {
        var i = pos
        var sawNewline = false
        while i < input.count {
            let c = input[i]
            if c == 10 || c == 13 {
                sawNewline = true
                i += 1
            } else if isSpace(c) {
                i += 1
            } else if c == UInt8(ascii: "-") && i + 1 < input.count && input[i + 1] == UInt8(ascii: "-") && sawNewline {
                while i < input.count && input[i] != 10 { i += 1 }
            } else if c == UInt8(ascii: "'") && sawNewline {
                return i
            } else {
                return nil
            }
        }
        return nil
    }

    mutating func quotedIdentifier(close: UInt8, start: Int) {
        pos += 1
        while pos < input.count {
            if input[pos] == close {
                if close != UInt8(ascii: "]") && peek(1) == close {
                    pos += 2
                    continue
                }
                pos += 1
                add(.quotedIdentifier, start)
                return
            }
            pos += 1
        }
        add(.invalid, start)
        problem("unterminated quoted identifier", start, pos)
    }

    mutating func dollar(_ start: Int) {
        let next = peek(1)
        if isDigit(next) {
            pos += 1
            while isDigit(peek()) { pos += 1 }
            add(.positionalParameter, start)
            return
        }
        if dialect.dollarNamedParameters {
            pos += 1
            while isIdentContinue(peek()) || (peek() == UInt8(ascii: ":") && peek(1) == UInt8(ascii: ":")) {
                pos += peek() == UInt8(ascii: ":") ? 2 : 1
            }
            add(pos - start > 1 ? .namedParameter : .invalid, start)
            return
        }
        // $tag$ where tag is an identifier without '$', or empty.
        var i = pos + 1
        if i < input.count && isIdentStart(input[i]) {
            i += 1
            while i < input.count && isIdentContinue(input[i]) && input[i] != UInt8(ascii: "$") { i += 1 }
        }
        guard i < input.count, input[i] == UInt8(ascii: "$") else {
            // A lone '$' is not valid PostgreSQL.
            pos += 1
            add(.invalid, start)
            problem("unexpected '$'", start, pos)
            return
        }
        let tagStart = pos
        let tagLength = i + 1 - pos
        pos = i + 1
        while pos < input.count {
            if input[pos] == UInt8(ascii: "$") && pos + tagLength <= input.count {
                var matches = true
                for k in 0..<tagLength where input[pos + k] != input[tagStart + k] {
                    matches = false
                    break
                }
                if matches {
                    pos += tagLength
                    add(.dollarString, start)
                    return
                }
            }
            pos += 1
        }
        add(.invalid, start)
        problem("unterminated dollar-quoted string", start, pos)
    }

    mutating func colon(_ start: Int) {
        let next = peek(1)
        if next == UInt8(ascii: ":") {
            pos += 2
            add(.doubleColon, start)
        } else if next == UInt8(ascii: "=") {
            pos += 2
            add(.colonEquals, start)
        } else if dialect.kind == .sqlite && isIdentStart(next) {
            pos += 1
            while isIdentContinue(peek()) { pos += 1 }
            add(.namedParameter, start)
        } else {
            pos += 1
            add(.colon, start)
        }
    }

    mutating func word(_ start: Int) {
        let c = input[pos]
        let lower = c | 0x20
        let next = peek(1)
        if dialect.supportsPrefixedStrings || dialect.kind == .sqlite {
            // Prefixed literals: E'..', B'..', X'..', N'..', U&'..', U&"..".
            if next == UInt8(ascii: "'") {
                switch lower {
                case UInt8(ascii: "x"):
                    pos += 1
                    quotedString(kind: .hexString, start: start, backslashEscapes: false)
                    return
                case UInt8(ascii: "e") where dialect.supportsPrefixedStrings:
                    pos += 1
                    quotedString(kind: .escapeString, start: start, backslashEscapes: true)
                    return
                case UInt8(ascii: "b") where dialect.supportsPrefixedStrings:
                    pos += 1
                    quotedString(kind: .bitString, start: start, backslashEscapes: false)
                    return
                case UInt8(ascii: "n") where dialect.supportsPrefixedStrings:
                    pos += 1
                    quotedString(kind: .string, start: start, backslashEscapes: false)
                    return
                default:
                    break
                }
            }
            if dialect.supportsPrefixedStrings && lower == UInt8(ascii: "u") && next == UInt8(ascii: "&") {
                let third = peek(2)
                if third == UInt8(ascii: "'") {
                    pos += 2
                    quotedString(kind: .unicodeString, start: start, backslashEscapes: false)
                    return
                }
                if third == UInt8(ascii: "\"") {
                    pos += 2
                    quotedIdentifier(close: UInt8(ascii: "\""), start: start)
                    return
                }
            }
        }
        pos += 1
        while pos < input.count && isIdentContinue(input[pos]) {
            if input[pos] == UInt8(ascii: "$") && !dialect.supportsDollarQuotes && dialect.kind == .sqlite {
                // SQLite allows '$' inside identifiers too.
            }
            pos += 1
        }
        let keyword = KeywordLookup.keyword(UnsafeBufferPointer(rebasing: input[start..<pos]))
        add(.identifier, start, keyword: keyword)
    }

    mutating func number(_ start: Int) {
        var kind = TokenKind.integer
        if input[pos] == UInt8(ascii: "0") {
            let radix = peek(1) | 0x20
            if radix == UInt8(ascii: "x") || radix == UInt8(ascii: "o") || radix == UInt8(ascii: "b") {
                if isHexDigit(peek(2)) {
                    pos += 2
                    while isHexDigit(peek()) || peek() == UInt8(ascii: "_") { pos += 1 }
                    add(.integer, start)
                    return
                }
            }
        }
        while isDigit(peek()) || (peek() == UInt8(ascii: "_") && isDigit(peek(1))) { pos += 1 }
        // A '.' starts a fraction unless it begins '..' (a range, as in PL/pgSQL).
        if peek() == UInt8(ascii: "."), peek(1) != UInt8(ascii: ".") {
            kind = .decimal
            pos += 1
            while isDigit(peek()) || (peek() == UInt8(ascii: "_") && isDigit(peek(1))) { pos += 1 }
        }
        if peek() | 0x20 == UInt8(ascii: "e") {
            let sign = peek(1)
            if isDigit(sign) {
                kind = .decimal
                pos += 1
            } else if (sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-")) && isDigit(peek(2)) {
                kind = .decimal
                pos += 2
            }
            if kind == .decimal { while isDigit(peek()) { pos += 1 } }
        }
        add(kind, start)
    }

    mutating func operatorToken(_ start: Int) {
        if dialect.kind == .sqlite {
            sqliteOperator(start)
            return
        }
        var end = pos
        while end < input.count && isOperatorChar(input[end]) {
            // A comment start ends the operator.
            if end > pos {
                let c = input[end]
                let n = end + 1 < input.count ? input[end + 1] : NUL
                if (c == UInt8(ascii: "-") && n == UInt8(ascii: "-")) || (c == UInt8(ascii: "/") && n == UInt8(ascii: "*")) {
                    break
                }
            }
            end += 1
        }
        // scan.l: a multi-character operator may end in '+' or '-' only if it
        // contains one of ~ ! @ # % ^ & | ` ?
        if end - pos > 1 {
            var special = false
            for i in pos..<end {
                switch input[i] {
                case UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "@"), UInt8(ascii: "#"),
                    UInt8(ascii: "%"), UInt8(ascii: "^"), UInt8(ascii: "&"), UInt8(ascii: "|"),
                    UInt8(ascii: "`"), UInt8(ascii: "?"):
                    special = true
                default: break
                }
            }
            if !special {
                while end - pos > 1 && (input[end - 1] == UInt8(ascii: "+") || input[end - 1] == UInt8(ascii: "-")) {
                    end -= 1
                }
            }
        }
        // '=>' is its own token.
        if end - pos == 2 && input[pos] == UInt8(ascii: "=") && input[pos + 1] == UInt8(ascii: ">") {
            pos = end
            add(.equalsGreater, start)
            return
        }
        pos = end
        add(.operator, start)
    }

    mutating func sqliteOperator(_ start: Int) {
        let c = input[pos]
        let n = peek(1)
        var length = 1
        switch (c, n) {
        case (UInt8(ascii: "|"), UInt8(ascii: "|")), (UInt8(ascii: "<"), UInt8(ascii: "=")),
            (UInt8(ascii: ">"), UInt8(ascii: "=")), (UInt8(ascii: "="), UInt8(ascii: "=")),
            (UInt8(ascii: "!"), UInt8(ascii: "=")), (UInt8(ascii: "<"), UInt8(ascii: ">")),
            (UInt8(ascii: "<"), UInt8(ascii: "<")), (UInt8(ascii: ">"), UInt8(ascii: ">")):
            length = 2
        case (UInt8(ascii: "-"), UInt8(ascii: ">")):
            length = peek(2) == UInt8(ascii: ">") ? 3 : 2
        default:
            length = 1
        }
        pos += length
        add(.operator, start)
    }

    // MARK: Statement-level state

    /// After a ';': a `COPY ... FROM stdin` statement is followed by data lines up to `\.`.
    mutating func afterSemicolon() {
        defer { statementStart = tokens.count }
        guard dialect.kind == .postgres, statementStart < tokens.count,
            tokens[statementStart].keyword == .copy
        else { return }
        var sawFrom = false
        var fromStdin = false
        for i in statementStart..<(tokens.count - 1) {
            let t = tokens[i]
            if t.keyword == .from {
                sawFrom = true
            } else if sawFrom, t.kind == .identifier, textEquals(t, "stdin") {
                fromStdin = true
                break
            } else if t.keyword == .to {
                break
            }
        }
        guard fromStdin else { return }
        // Data starts on the next line.
        while pos < input.count && input[pos] != 10 { pos += 1 }
        if pos < input.count { pos += 1 }
        let start = pos
        while pos < input.count {
            var lineEnd = pos
            while lineEnd < input.count && input[lineEnd] != 10 { lineEnd += 1 }
            var contentEnd = lineEnd
            if contentEnd > pos && input[contentEnd - 1] == 13 { contentEnd -= 1 }
            if contentEnd - pos == 2 && input[pos] == UInt8(ascii: "\\") && input[pos + 1] == UInt8(ascii: ".") {
                pos = contentEnd
                tokens.append(Token(kind: .copyData, start: start, end: pos))
                return
            }
            pos = lineEnd < input.count ? lineEnd + 1 : lineEnd
        }
        tokens.append(Token(kind: .copyData, start: start, end: pos))
    }

    func textEquals(_ token: Token, _ lowercase: StaticString) -> Bool {
        let length = Int(token.end - token.start)
        guard length == lowercase.utf8CodeUnitCount else { return false }
        let p = lowercase.utf8Start
        for i in 0..<length where input[Int(token.start) + i] | 0x20 != p[i] {
            return false
        }
        return true
    }
}

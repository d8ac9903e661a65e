/// What a token is. Text and value are read from the source through its span.
public enum TokenKind: UInt8, Sendable, Hashable {
    /// A bare word; `keyword` on the token says whether it is one.
    case identifier
    /// `"name"`, `U&"name"`, SQLite's `[name]` and `` `name` ``.
    case quotedIdentifier
    /// `'text'`, `N'text'`.
    case string
    /// `E'text'` with backslash escapes.
    case escapeString
    /// `U&'text'` (optionally followed by `UESCAPE '?'`).
    case unicodeString
    /// `B'0101'`.
    case bitString
    /// `X'1F'` (PostgreSQL bit string, SQLite blob).
    case hexString
    /// `$tag$ ... $tag$`.
    case dollarString
    case integer
    /// A number with a fraction or exponent.
    case decimal
    /// `$1`.
    case positionalParameter
    /// `?`, `?NNN`, `:name`, `@name`, SQLite's `$name`.
    case namedParameter
    /// Any operator spelling: `+`, `<>`, `->>`, `@>`, `*`, `=`, ...
    case `operator`
    case leftParen
    case rightParen
    case leftBracket
    case rightBracket
    case comma
    case semicolon
    case colon
    case dot
    /// `::`
    case doubleColon
    /// `:=`
    case colonEquals
    /// `=>`
    case equalsGreater
    /// A psql backslash command line such as `\connect db` (kept whole).
    case psqlMetaCommand
    /// The data lines of `COPY ... FROM stdin`, up to and including `\.`.
    case copyData
    /// Input the lexer could not read (unterminated string, stray byte, ...).
    case invalid
    case endOfInput
}

/// One token: its kind, its byte span and, for bare words, the keyword it spells.
public struct Token: Sendable, Hashable {
    public var kind: TokenKind
    public var keyword: Keyword?
    public var start: Int32
    public var end: Int32

    public init(kind: TokenKind, keyword: Keyword? = nil, start: Int, end: Int) {
        self.kind = kind
        self.keyword = keyword
        self.start = Int32(truncatingIfNeeded: start)
        self.end = Int32(truncatingIfNeeded: end)
    }

    public var span: SourceSpan { SourceSpan(start: Int(start), end: Int(end)) }
}

/// A comment, kept beside the tokens so suppressions and leading docs can be read.
public struct Comment: Sendable, Hashable {
    public enum Style: UInt8, Sendable { case line, block }
    public var style: Style
    public var span: SourceSpan
    public init(style: Style, span: SourceSpan) {
        self.style = style
        self.span = span
    }
}

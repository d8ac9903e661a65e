import SQLSyntax

/// One statement as read from a file: its span, what it is, and either its
/// syntax tree or the error that stopped it.
public struct ParsedStatement: Sendable {
    /// The syntax tree; nil when the statement has a syntax error.
    public var statement: Statement?
    public var kind: StatementKind
    /// The node name PostgreSQL's raw parser gives this statement.
    public var postgresNode: String
    /// First token to last token, the `;` excluded.
    public var span: SourceSpan
    /// Token range `[firstToken, endToken)` in `ParsedFile.tokens`.
    public var tokenRange: Range<Int>
    public var error: ParseError?
}

/// Everything read from one source text.
public struct ParsedFile: Sendable {
    public var statements: [ParsedStatement]
    public var tokens: [Token]
    public var comments: [Comment]
    public var lexProblems: [LexProblem]
}

/// The SQL front-end: lexes a text, splits it into statements exactly where the
/// server would, and parses each one on its own so that an error in one never
/// hides the rest.
public struct SQLParser: Sendable {
    public let dialect: Dialect

    public init(dialect: Dialect) {
        self.dialect = dialect
    }

    public func parse(_ text: String) -> ParsedFile {
        parse(Array(text.utf8))
    }

    public func parse(_ bytes: [UInt8]) -> ParsedFile {
        let lexed = Lexer(dialect: dialect).lex(bytes)
        let ranges = StatementSplitter(dialect: dialect).split(lexed.tokens, source: bytes)
        var statements: [ParsedStatement] = []
        statements.reserveCapacity(ranges.count)
        let stackGuard = StackGuard.forCurrentThread()
        bytes.withUnsafeBufferPointer { source in
            lexed.tokens.withUnsafeBufferPointer { tokens in
                for range in ranges {
                    statements.append(parseOne(range, source: source, tokens: tokens, stackGuard: stackGuard))
                }
            }
        }
        return ParsedFile(statements: statements, tokens: lexed.tokens, comments: lexed.comments, lexProblems: lexed.problems)
    }

    private func parseOne(
        _ range: Range<Int>, source: UnsafeBufferPointer<UInt8>, tokens: UnsafeBufferPointer<Token>, stackGuard: StackGuard
    ) -> ParsedStatement {
        let span = SourceSpan(start: Int(tokens[range.lowerBound].start), end: Int(tokens[range.upperBound - 1].end))
        var parser = Parser(
            source: source, tokens: tokens, dialect: dialect, start: range.lowerBound, limit: range.upperBound,
            stackGuard: stackGuard)
        var failure: ParseError
        // A token the lexer could not read is an error wherever it stands.
        if let bad = tokens[range].first(where: { $0.kind == .invalid }) {
            failure = ParseError(.syntax, "unreadable input", span: bad.span)
        } else {
            do {
                let node = try parser.parseStatement()
                if parser.atEnd {
                    return ParsedStatement(
                        statement: Statement(node: node, span: span), kind: node.kind, postgresNode: node.postgresNode,
                        span: span, tokenRange: range, error: nil)
                }
                failure = parser.expected("end of statement")
            } catch {
                failure = error
            }
        }
        let classified = Classifier(source: source, tokens: tokens, dialect: dialect).classify(range)
        if failure.reason == .unsupported {
            let node = StatementNode.other(classified)
            return ParsedStatement(
                statement: Statement(node: node, span: span), kind: classified.kind, postgresNode: classified.postgresNode,
                span: span, tokenRange: range, error: nil)
        }
        return ParsedStatement(
            statement: nil, kind: classified.kind, postgresNode: classified.postgresNode, span: span,
            tokenRange: range, error: failure)
    }
}

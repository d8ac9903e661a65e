import SQLParser
import SQLSyntax
import Testing

@Suite struct LexerTests {
    func kinds(_ sql: String, _ dialect: Dialect = .postgres) -> [TokenKind] {
        Lexer(dialect: dialect).lex(Array(sql.utf8)).tokens.map(\.kind).filter { $0 != .endOfInput }
    }

    func texts(_ sql: String, _ dialect: Dialect = .postgres) -> [String] {
        let bytes = Array(sql.utf8)
        return Lexer(dialect: dialect).lex(bytes).tokens.filter { $0.kind != .endOfInput }.map {
            String(decoding: bytes[Int($0.start)..<Int($0.end)], as: UTF8.self)
        }
    }

    @Test(arguments: [
        ("'it''s'", TokenKind.string),
        ("E'a\\'b'", .escapeString),
        ("e'\\n'", .escapeString),
        ("U&'d\\0061t\\+000061'", .unicodeString),
        ("B'0101'", .bitString),
        ("X'1F'", .hexString),
        ("N'text'", .string),
        ("$$body$$", .dollarString),
        ("$fn$ a $$ b $fn$", .dollarString),
        ("\"Quoted \"\"x\"\"\"", .quotedIdentifier),
        ("U&\"d\\0061t\"", .quotedIdentifier),
        ("$1", .positionalParameter),
        ("42", .integer),
        ("1_000", .integer),
        ("0x1F", .integer),
        (".5", .decimal),
        ("1e10", .decimal),
        ("1.5E-3", .decimal),
    ])
    func singleTokens(sql: String, kind: TokenKind) {
        #expect(kinds(sql) == [kind], "\(sql)")
    }

    @Test func stringContinuationAcrossNewlines() {
        #expect(kinds("'a'\n  'b'") == [.string])
        // Without a newline, two literals are two tokens (and a syntax error later).
        #expect(kinds("'a' 'b'") == [.string, .string])
    }

    @Test func nestedDollarQuotesWithDifferentTags() {
        let sql = "$outer$ select $inner$ x $inner$; $outer$"
        #expect(kinds(sql) == [.dollarString])
    }

    @Test func operatorsContainingCommentStarts() {
        // `*/*` is not one operator: a comment starts at `/*`.
        #expect(texts("a */* c */ b") == ["a", "*", "b"])
        #expect(texts("a --> b") == ["a"])
        #expect(texts("x @-- c\n y") == ["x", "@", "y"])
        // A multi-character operator ends in + or - only if it has ~!@#%^&|`?.
        #expect(texts("a=-1") == ["a", "=", "-", "1"])
        #expect(texts("a @- b") == ["a", "@-", "b"])
        #expect(texts("j->>'k'") == ["j", "->>", "'k'"])
        #expect(texts("a::int") == ["a", "::", "int"])
        #expect(texts("f(x => 1)") == ["f", "(", "x", "=>", "1", ")"])
    }

    @Test func nestedBlockComments() {
        let lexed = Lexer(dialect: .postgres).lex(Array("/* a /* b */ c */ select".utf8))
        #expect(lexed.comments.count == 1)
        #expect(lexed.tokens.count == 2)
        // SQLite does not nest.
        #expect(kinds("/* a /* b */ select", .sqlite) == [.identifier])
    }

    @Test func keywordsAreCaseInsensitive() {
        let tokens = Lexer(dialect: .postgres).lex(Array("SeLeCt user_id FROM \"select\"".utf8)).tokens
        #expect(tokens[0].keyword == .select)
        #expect(tokens[1].keyword == nil)
        #expect(tokens[2].keyword == .from)
        #expect(tokens[3].kind == .quotedIdentifier)
    }

    @Test func psqlMetaCommandsAndCopyData() {
        let sql = """
            \\connect db
            SET x = 1;
            COPY t (a, b) FROM stdin;
            1\tx;y
            2\tz
            \\.
            SELECT 1;
            """
        let k = kinds(sql)
        #expect(k.first == .psqlMetaCommand)
        #expect(k.contains(.copyData))
        let file = parse(sql)
        #expect(file.statements.map(\.postgresNode) == ["VariableSetStmt", "CopyStmt", "SelectStmt"])
    }

    @Test func applicationPlaceholders() {
        #expect(kinds("? , ?3", .sqlite) == [.namedParameter, .comma, .namedParameter])
        #expect(kinds(":name @name $name", .sqlite) == [.namedParameter, .namedParameter, .namedParameter])
        #expect(kinds("a = ?") == [.identifier, .operator, .namedParameter])
    }

    @Test func sqliteQuotedIdentifiers() {
        #expect(kinds("[my col] `other`", .sqlite) == [.quotedIdentifier, .quotedIdentifier])
        #expect(kinds("x'00ff'", .sqlite) == [.hexString])
    }

    @Test func unterminatedInputIsReportedNotFatal() {
        for sql in ["'abc", "\"abc", "$$abc", "/* abc", "E'abc\\'"] {
            let lexed = Lexer(dialect: .postgres).lex(Array(sql.utf8))
            #expect(!lexed.problems.isEmpty, "\(sql)")
            #expect(lexed.tokens.last?.kind == .endOfInput)
        }
    }
}

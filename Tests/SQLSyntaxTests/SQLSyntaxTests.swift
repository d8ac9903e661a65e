import SQLSyntax
import Testing

@Suite struct KeywordTests {
    @Test func everyKeywordIsFoundInAnyCase() {
        for keyword in Keyword.allCases {
            #expect(KeywordLookup.keyword(keyword.text) == keyword)
            #expect(KeywordLookup.keyword(keyword.text.uppercased()) == keyword)
        }
    }

    @Test(arguments: [
        "users", "selects", "", "a_b", "select1", "ünïcode", String(repeating: "x", count: 40),
        // Bytes beside the letters in ASCII ('@' before A, '[' after Z, '`' before a,
        // '{' after z), a dollar, and a keyword with a letter outside ASCII.
        "sel@ct", "sel[ct", "sel`ct", "sel{ct", "select$", "sélect",
    ])
    func nonKeywords(_ word: String) {
        #expect(KeywordLookup.keyword(word) == nil)
    }

    @Test func mixedCaseAndLongestKeywords() {
        #expect(KeywordLookup.keyword("SeLeCt") == .select)
        #expect(KeywordLookup.keyword("INTEGER") == .integer)
        let longest = Keyword.allCases.max { $0.text.utf8.count < $1.text.utf8.count }!
        #expect(KeywordLookup.keyword(longest.text.uppercased()) == longest)
        #expect(KeywordLookup.keyword(longest.text + "x") == nil)
    }

    @Test func postgresCategoriesMatchKwlist() {
        #expect(Keyword.select.postgresCategory == .reserved)
        #expect(Keyword.user.postgresCategory == .reserved)
        #expect(Keyword.name.postgresCategory == .unreserved)
        #expect(Keyword.type.postgresCategory == .unreserved)
        #expect(Keyword.value.postgresCategory == .unreserved)
        #expect(Keyword.key.postgresCategory == .unreserved)
        #expect(Keyword.left.postgresCategory == .typeFunctionName)
        #expect(Keyword.integer.postgresCategory == .columnName)
        #expect(Keyword.autoincrement.postgresCategory == .none)
        #expect(Dialect.postgres.isReservedForColumnName(.user))
        #expect(!Dialect.postgres.isReservedForColumnName(.name))
        #expect(!Dialect.sqlite.isReservedForColumnName(.user))
    }
}

@Suite struct LineTableTests {
    @Test func linesAndColumnsCountScalars() {
        let bytes = Array("ab\nçd\r\n\nx".utf8)
        let table = LineTable(bytes)
        #expect(table.location(of: 0) == SourceLocation(line: 1, column: 1))
        #expect(table.location(of: 3) == SourceLocation(line: 2, column: 1))
        // 'ç' is two bytes but one column.
        #expect(table.location(of: 5) == SourceLocation(line: 2, column: 2))
        #expect(table.location(of: bytes.count - 1) == SourceLocation(line: 4, column: 1))
        #expect(table.lineText(2) == "çd")
        #expect(table.lineText(9) == "")
        // Offsets past the end clamp instead of trapping.
        #expect(table.location(of: 10_000).line == 4)
        #expect(table.location(of: -5) == SourceLocation(line: 1, column: 1))
    }

    @Test func spanUnion() {
        #expect(SourceSpan(start: 5, end: 9).union(SourceSpan(start: 2, end: 6)) == SourceSpan(start: 2, end: 9))
    }
}

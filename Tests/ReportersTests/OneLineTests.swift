import Testing

@testable import Reporters

/// The text report's one-line statements: the byte scan and the prefix-at-a-time
/// flattening give what flattening the whole statement gives.
@Suite struct OneLineTests {
    /// The definition: every whitespace run one space, cut to `limit` characters.
    static func reference(_ sql: String, limit: Int) -> String {
        let flat = sql.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == " " }).joined(separator: " ")
        return flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
    }

    static let samples: [String] = [
        "", " ", "\n\t \r", "SELECT 1", "  SELECT\n\t1  ", "a\r\nb", "a\rb", "a\n\n\nb",
        "CREATE VIEW v AS SELECT " + Array(repeating: "column_name", count: 40).joined(separator: ",\n    ") + " FROM t",
        String(repeating: " ", count: 500) + "x", String(repeating: "x", count: 71), String(repeating: "x", count: 72),
        String(repeating: "x", count: 73), String(repeating: "ab ", count: 24), String(repeating: "ab ", count: 25),
        "INSERT INTO t VALUES ('é', 'ü')", "SELECT '\u{301}'\n\u{301}x", "e\u{301}" + String(repeating: "y", count: 80),
        "SELECT 1;\r\n" + String(repeating: "z", count: 100), "-- 注释\nSELECT 1", String(repeating: "\t\n", count: 300) + "end",
    ]

    @Test(arguments: samples)
    func matchesTheDefinition(_ sql: String) {
        #expect(CheckReport.oneLine(sql, limit: 72) == Self.reference(sql, limit: 72))
        #expect(CheckReport.oneLine(sql, limit: 5) == Self.reference(sql, limit: 5))
    }

    @Test func asciiScanDeclinesWhatIsNotOneByteACharacter() {
        #expect(CheckReport.asciiOneLine("a\r\nb", limit: 72) == nil)
        #expect(CheckReport.asciiOneLine("é", limit: 72) == nil)
        #expect(CheckReport.asciiOneLine("a\rb", limit: 72) == "a b")
    }
}

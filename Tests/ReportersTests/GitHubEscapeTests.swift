@testable import Reporters
import Testing

/// GitHub workflow commands: a message escapes `%`, CR and LF; a property value
/// also `:` and `,`. Everything else, multi-byte UTF-8 included, stays as it is.
@Suite struct GitHubEscapeTests {
    @Test func messagesEscapePercentAndLineBreaks() {
        #expect(CheckReport.escapeData("100% of rows\r\nhelp: a, b") == "100%25 of rows%0D%0Ahelp: a, b")
    }

    @Test func propertiesAlsoEscapeColonAndComma() {
        #expect(CheckReport.escapeProperty("db/m:1,2%.sql") == "db/m%3A1%2C2%25.sql")
    }

    @Test func otherTextIsKeptByteForByte() {
        let text = "café — 表 🚀 e\u{301} ~\t\"'"
        #expect(CheckReport.escapeData(text) == text)
        #expect(CheckReport.escapeProperty(text) == text)
        #expect(CheckReport.escapeData("") == "")
    }
}

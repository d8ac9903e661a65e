import Diagnostics
import SQLSyntax
import Testing

@Suite struct DiagnosticsTests {
    @Test func sourceFileTextAndLocation() {
        let file = SourceFile(path: "m/001.sql", text: "SELECT 1;\nSELECT é;")
        #expect(file.text(SourceSpan(start: 10, end: 16)) == "SELECT")
        #expect(file.location(of: 17) == SourceLocation(line: 2, column: 8))
        // Out-of-range spans are clamped.
        #expect(file.text(SourceSpan(start: 100, end: 200)) == "")
    }

    @Test func severitiesAreOrdered() {
        #expect(Severity.info < .warning)
        #expect(Severity.warning < .error)
        #expect([Severity.error, .info, .warning].max() == .error)
    }
}

import Foundation
import SQLParser
import SQLSyntax
import Testing

/// Nothing any input contains may crash the parser: every failure is a diagnostic.
@Suite struct RobustnessTests {
    static let deepInputs: [String] = {
        let n = 10_000
        return [
            "SELECT " + String(repeating: "(", count: n) + "1" + String(repeating: ")", count: n),
            "SELECT " + String(repeating: "(SELECT ", count: n) + "1" + String(repeating: ")", count: n),
            "SELECT " + String(repeating: "ARRAY[", count: n) + "1" + String(repeating: "]", count: n),
            "SELECT * FROM " + String(repeating: "(", count: n) + "t" + String(repeating: ")", count: n),
            "SELECT " + String(repeating: "- ", count: n) + "1",
            "SELECT " + String(repeating: "NOT ", count: n) + "true",
            "SELECT " + String(repeating: "f(", count: n) + String(repeating: ")", count: n),
            "SELECT " + String(repeating: "CASE WHEN ", count: n) + "1" + String(repeating: " THEN 1 END", count: n),
            "SELECT 1" + String(repeating: " + 1", count: n * 5),
        ]
    }()

    @Test(arguments: deepInputs.indices)
    func deepNestingOnASmallStackIsADiagnostic(_ index: Int) {
        let sql = Self.deepInputs[index]
        // 512 KiB: the stack of a Dispatch worker thread.
        onThread(stackSize: 512 * 1024) {
            let file = parse(sql)
            #expect(file.statements.count == 1)
        }
    }

    @Test func deepNestingReportsTooDeep() {
        onThread(stackSize: 8 << 20) {
            let file = parse(Self.deepInputs[0])
            #expect(file.statements.first?.error?.reason == .tooDeep)
        }
    }

    @Test func modestNestingParses() throws {
        let sql = "SELECT " + String(repeating: "(", count: 100) + "1" + String(repeating: ")", count: 100)
        _ = try node(sql)
    }

    @Test func truncatedInputAtEveryByte() {
        let sql = """
            CREATE TABLE t (id bigserial PRIMARY KEY, name text NOT NULL DEFAULT 'x', c int CHECK (c > 0));
            INSERT INTO t (name) VALUES ($$a;b$$), (E'\\'') ON CONFLICT (id) DO UPDATE SET name = excluded.name;
            SELECT t.*, (SELECT count(*) FROM u WHERE u.t = t.id) FROM t WHERE name ILIKE '%x%' /* c */;
            CREATE FUNCTION f() RETURNS int BEGIN ATOMIC SELECT 1; END;
            """
        let bytes = Array(sql.utf8)
        for end in 0...bytes.count {
            let file = SQLParser(dialect: .postgres).parse(Array(bytes[0..<end]))
            for s in file.statements {
                #expect(s.span.start <= s.span.end && s.span.end <= end)
            }
            _ = SQLParser(dialect: .sqlite).parse(Array(bytes[0..<end]))
        }
    }

    @Test func invalidUTF8AndNULBytes() {
        var bytes = Array("SELECT 'a".utf8)
        bytes += [0xFF, 0xFE, 0x00, 0xC3]
        bytes += Array("' FROM t; SELECT \u{0}1; SELECT é FROM ü;".utf8)
        for dialect in [Dialect.postgres, .sqlite] {
            let file = SQLParser(dialect: dialect).parse(bytes)
            #expect(!file.statements.isEmpty)
        }
        let nul = SQLParser(dialect: .postgres).parse(Array("SELECT \u{0} FROM t".utf8))
        #expect(nul.statements.first?.error != nil)
    }

    @Test func randomBytesNeverCrash() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("()[];,.:'\"$-/*+<>=!~@#%^&|`?\\ \n\tabcSELECTfromWHERE0123456789eEuU&xXbB".utf8) + [0x00, 0xFF, 0xC3]
        for _ in 0..<300 {
            let length = Int.random(in: 0..<400, using: &generator)
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator) ?? 32 }
            _ = SQLParser(dialect: .postgres).parse(bytes)
            _ = SQLParser(dialect: .sqlite).parse(bytes)
        }
    }

    @Test func largeInput() {
        // 8 MiB here; the 100 MB case runs against the release binary in scripts/stress.sh.
        let statement = "INSERT INTO t (a, b) VALUES (1, 'some text'), (2, 'more');\n"
        let sql = String(repeating: statement, count: (8 << 20) / statement.utf8.count)
        let file = parse(sql)
        #expect(file.statements.count == (8 << 20) / statement.utf8.count)
        #expect(file.statements.allSatisfy { $0.error == nil })
    }
}

import Diagnostics
import Foundation
import Reporters
import SQLParser
import SQLSyntax
import Testing

@Suite struct ReportersTests {
    @Test func jsonStringsAreEscaped() {
        var w = JSONWriter()
        w.beginObject()
        w.field("s", "a\"b\\c\nd\u{1}é")
        w.field("n", 3)
        w.field("null", nil as String?)
        w.key("list")
        w.beginArray()
        w.value(true)
        w.value(1)
        w.endArray()
        w.endObject()
        #expect(w.output == #"{"s":"a\"b\\c\nd\u0001é","n":3,"null":null,"list":[true,1]}"#)
    }

    /// Exactly the bytes that must be escaped are, wherever they fall in the
    /// eight-byte steps of the scan: the output is compared byte for byte with
    /// an escaper that looks at one byte at a time.
    @Test func jsonEscapesExactlyTheBytesThatNeedIt() {
        func reference(_ text: String) -> [UInt8] {
            var out: [UInt8] = [UInt8(ascii: "[")] + [UInt8(ascii: "\"")]
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""): out += Array(#"\""#.utf8)
                case UInt8(ascii: "\\"): out += Array(#"\\"#.utf8)
                case UInt8(ascii: "\n"): out += Array(#"\n"#.utf8)
                case UInt8(ascii: "\r"): out += Array(#"\r"#.utf8)
                case UInt8(ascii: "\t"): out += Array(#"\t"#.utf8)
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    out += Array(#"\u00"#.utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
                default: out.append(byte)
                }
            }
            return out + Array("\"]".utf8)
        }
        let specials: [String] = ["\"", "\\", "\n", "\u{1}", "\u{1f}", " ", "!", "#", "[", "]", "~", "é", "\u{7f}", "🚀"]
        for length in 0...24 {
            for special in specials {
                for second in [nil, "\n", "a"] as [String?] {
                    for position in 0...length {
                        var text = String(repeating: "x", count: length)
                        text.insert(contentsOf: special, at: text.index(text.startIndex, offsetBy: position))
                        if let second { text += second + String(repeating: "y", count: position % 9) + second }
                        var w = JSONWriter()
                        w.beginArray()
                        w.value(text)
                        w.endArray()
                        #expect(w.utf8 == reference(text), "\(text.debugDescription)")
                    }
                }
            }
        }
    }

    /// Long strings are scanned eight bytes at a time: every character that needs
    /// an escape, at every position of strings of every length up to 40, comes out
    /// as Foundation's JSON encoder reads it back.
    @Test func jsonEscapesAtEveryPosition() throws {
        let specials: [Character] = ["\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1f}", "é", "\u{7f}", " ", "~"]
        for length in 0...40 {
            for special in specials {
                for position in 0...length {
                    var text = String(repeating: "a", count: length)
                    text.insert(special, at: text.index(text.startIndex, offsetBy: position))
                    var w = JSONWriter()
                    w.beginArray()
                    w.value(text)
                    w.endArray()
                    let decoded = try JSONSerialization.jsonObject(with: Data(w.utf8)) as? [String]
                    #expect(decoded == [text], "length \(length), position \(position)")
                }
            }
        }
    }

    @Test func parseReportShape() throws {
        let source = SourceFile(path: "x.sql", text: "-- c\nSELECT 1;\nSELECT FROM WHERE;")
        let parsed = SQLParser(dialect: .postgres).parse(source.bytes)
        let line = ParseReport.json(source, parsed)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["file"] as? String == "x.sql")
        let statements = try #require(object["statements"] as? [[String: Any]])
        #expect(statements.count == 2)
        #expect(statements[0]["kind"] as? String == "select")
        #expect(statements[0]["pg_node"] as? String == "SelectStmt")
        #expect(statements[0]["start"] as? Int == 5)
        #expect(statements[0]["end"] as? Int == 13)
        #expect(statements[0]["line"] as? Int == 2)
        #expect(statements[0]["column"] as? Int == 1)
        #expect(statements[0]["error"] is NSNull)
        #expect((statements[1]["error"] as? String)?.contains("3:13") == true)
    }
}

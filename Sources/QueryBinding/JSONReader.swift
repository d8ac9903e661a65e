/// A JSON value with the line it starts on.
public struct JSONValue: Sendable {
    public indirect enum Kind: Sendable {
        case object([(String, JSONValue)])
        case array([JSONValue])
        case string(String)
        case number(String)
        case bool(Bool)
        case null
    }
    public var kind: Kind
    public var line: Int
}

/// A small JSON reader that keeps lines, so that an export's query keeps its place.
public struct JSONReader {
    let bytes: [UInt8]
    let path: String
    var i = 0
    var line = 1
    var depth = 0

    public init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
        // A UTF-8 byte order mark.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
    }

    /// The whole input as one value; an error names the line.
    public mutating func document() throws(QuerySourceError) -> JSONValue {
        let value = try self.value()
        skipSpace()
        if i < bytes.count { throw fail("unexpected text after the JSON value") }
        return value
    }

    private func fail(_ message: String) -> QuerySourceError {
        QuerySourceError(path: path, line: line, message: "invalid JSON: \(message)")
    }

    private mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\n"): line += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): break
            default: return
            }
            i += 1
        }
    }

    private mutating func value() throws(QuerySourceError) -> JSONValue {
        skipSpace()
        guard i < bytes.count else { throw fail("unexpected end of input") }
        let start = line
        depth += 1
        defer { depth -= 1 }
        guard depth < 512 else { throw fail("nested too deeply") }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            var members: [(String, JSONValue)] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
                i += 1
                return JSONValue(kind: .object(members), line: start)
            }
            while true {
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a member name") }
                let key = try string()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':'") }
                i += 1
                members.append((key, try value()))
                skipSpace()
                guard i < bytes.count else { throw fail("unexpected end of input") }
                if bytes[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                guard bytes[i] == UInt8(ascii: "}") else { throw fail("expected ',' or '}'") }
                i += 1
                return JSONValue(kind: .object(members), line: start)
            }
        case UInt8(ascii: "["):
            i += 1
            var items: [JSONValue] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
                i += 1
                return JSONValue(kind: .array(items), line: start)
            }
            while true {
                items.append(try value())
                skipSpace()
                guard i < bytes.count else { throw fail("unexpected end of input") }
                if bytes[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                guard bytes[i] == UInt8(ascii: "]") else { throw fail("expected ',' or ']'") }
                i += 1
                return JSONValue(kind: .array(items), line: start)
            }
        case UInt8(ascii: "\""):
            return JSONValue(kind: .string(try string()), line: start)
        default:
            var word: [UInt8] = []
            while i < bytes.count, !" \t\r\n,]}".utf8.contains(bytes[i]) {
                word.append(bytes[i])
                i += 1
            }
            let text = String(decoding: word, as: UTF8.self)
            switch text {
            case "true": return JSONValue(kind: .bool(true), line: start)
            case "false": return JSONValue(kind: .bool(false), line: start)
            case "null": return JSONValue(kind: .null, line: start)
            default:
                guard !text.isEmpty, Double(text) != nil else { throw fail("unexpected \"\(text)\"") }
                return JSONValue(kind: .number(text), line: start)
            }
        }
    }

    private mutating func string() throws(QuerySourceError) -> String {
        i += 1
        var out: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b == UInt8(ascii: "\n") { throw fail("line break inside a string") }
            if b == UInt8(ascii: "\\") {
                guard i + 1 < bytes.count else { break }
                let e = bytes[i + 1]
                i += 2
                switch e {
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                case UInt8(ascii: "u"):
                    guard let unit = hex4() else { throw fail("bad \\u escape") }
                    var scalar = unit
                    if (0xD800..<0xDC00).contains(unit), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"),
                        bytes[i + 1] == UInt8(ascii: "u")
                    {
                        i += 2
                        guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { throw fail("bad surrogate pair") }
                        scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    }
                    out += Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8)
                default: out.append(e)
                }
                continue
            }
            out.append(b)
            i += 1
        }
        throw fail("unterminated string")
    }

    private mutating func hex4() -> UInt32? {
        guard i + 4 <= bytes.count else { return nil }
        let text = String(decoding: bytes[i..<i + 4], as: UTF8.self)
        i += 4
        return UInt32(text, radix: 16)
    }
}

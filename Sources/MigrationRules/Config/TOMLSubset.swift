/// The part of TOML (https://toml.io/en/v1.0.0) that `.switchgate.toml` needs:
/// `[table]` and `[a.b]` headers, `key = value` with bare, quoted or dotted keys,
/// basic and literal strings, integers (with `_`), booleans, arrays of those (over
/// several lines, trailing comma allowed), and `#` comments.
///
/// Anything else (dates, floats, inline tables, multi-line strings, arrays of tables)
/// is an error that names the line, so a config never half-loads.
public enum TOMLValue: Sendable, Hashable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case array([TOMLValue])
    case table(TOMLTable)

    var typeName: String {
        switch self {
        case .string: return "a string"
        case .integer: return "an integer"
        case .boolean: return "a boolean"
        case .array: return "an array"
        case .table: return "a table"
        }
    }
}

/// A table: its entries and the line each key was defined on.
public struct TOMLTable: Sendable, Hashable {
    public var entries: [String: TOMLValue] = [:]
    public var lines: [String: Int] = [:]
    /// The line of the `[header]` (0 for the root).
    public var line: Int = 0
    /// Keys in the order written.
    public var order: [String] = []

    public subscript(key: String) -> TOMLValue? { entries[key] }
}

public struct TOMLError: Error, Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "line \(line): \(message)" }
}

public enum TOMLSubset {
    public static func parse(_ text: String) throws(TOMLError) -> TOMLTable {
        var parser = TOMLParser(Array(text.unicodeScalars))
        return try parser.document()
    }
}

private struct TOMLParser {
    let chars: [Unicode.Scalar]
    var i = 0
    var line = 1
    var root = TOMLTable()
    var currentPath: [String] = []
    var definedTables: Set<[String]> = []

    init(_ chars: [Unicode.Scalar]) { self.chars = chars }

    var atEnd: Bool { i >= chars.count }
    var current: Unicode.Scalar { chars[i] }

    func fail(_ message: String) -> TOMLError { TOMLError(line: line, message: message) }

    mutating func advance() {
        if current == "\n" { line += 1 }
        i += 1
    }

    mutating func skipBlanks() {
        while !atEnd, current == " " || current == "\t" { advance() }
    }

    /// Blanks, comments and newlines.
    mutating func skipTrivia() {
        while !atEnd {
            if current == " " || current == "\t" || current == "\n" || current == "\r" {
                advance()
            } else if current == "#" {
                while !atEnd, current != "\n" { advance() }
            } else {
                return
            }
        }
    }

    /// After a value or header: only blanks and a comment before the end of the line.
    mutating func endOfLine() throws(TOMLError) {
        skipBlanks()
        if !atEnd, current == "#" { while !atEnd, current != "\n" { advance() } }
        if !atEnd, current == "\r" { advance() }
        if !atEnd, current != "\n" { throw fail("expected the end of the line, found '\(current)'") }
    }

    mutating func document() throws(TOMLError) -> TOMLTable {
        while true {
            skipTrivia()
            if atEnd { return root }
            if current == "[" {
                let headerLine = line
                advance()
                if !atEnd, current == "[" { throw fail("arrays of tables ([[...]]) are not supported") }
                skipBlanks()
                let path = try key()
                skipBlanks()
                guard !atEnd, current == "]" else { throw fail("expected ']' to close the table header") }
                advance()
                try endOfLine()
                if definedTables.contains(path) { throw fail("table [\(path.joined(separator: "."))] is defined twice") }
                definedTables.insert(path)
                try ensureTable(path, headerLine: headerLine)
                currentPath = path
            } else {
                let keyLine = line
                let path = try key()
                skipBlanks()
                guard !atEnd, current == "=" else { throw fail("expected '=' after the key") }
                advance()
                skipBlanks()
                let v = try value()
                try endOfLine()
                try set(currentPath + path, v, keyLine)
            }
        }
    }

    mutating func key() throws(TOMLError) -> [String] {
        var parts: [String] = []
        while true {
            skipBlanks()
            guard !atEnd else { throw fail("expected a key") }
            if current == "\"" || current == "'" {
                parts.append(try string())
            } else {
                var bare = ""
                while !atEnd, isBare(current) {
                    bare.unicodeScalars.append(current)
                    advance()
                }
                if bare.isEmpty { throw fail("expected a key, found '\(current)'") }
                parts.append(bare)
            }
            skipBlanks()
            if !atEnd, current == "." {
                advance()
                continue
            }
            return parts
        }
    }

    func isBare(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "-"
    }

    mutating func string() throws(TOMLError) -> String {
        let quote = current
        advance()
        if !atEnd, current == quote, i + 1 < chars.count, chars[i + 1] == quote {
            throw fail("multi-line strings are not supported")
        }
        var out = ""
        while true {
            guard !atEnd, current != "\n" else { throw fail("unterminated string") }
            let c = current
            advance()
            if c == quote { return out }
            if c == "\\" && quote == "\"" {
                guard !atEnd else { throw fail("unterminated string") }
                let e = current
                advance()
                switch e {
                case "n": out += "\n"
                case "t": out += "\t"
                case "r": out += "\r"
                case "\\": out += "\\"
                case "\"": out += "\""
                case "u", "U":
                    let count = e == "u" ? 4 : 8
                    var hex = ""
                    for _ in 0..<count {
                        guard !atEnd else { throw fail("unterminated escape") }
                        hex.unicodeScalars.append(current)
                        advance()
                    }
                    guard let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) else {
                        throw fail("invalid escape \\\(e)\(hex)")
                    }
                    out.unicodeScalars.append(scalar)
                default: throw fail("invalid escape \\\(e)")
                }
            } else {
                out.unicodeScalars.append(c)
            }
        }
    }

    mutating func value() throws(TOMLError) -> TOMLValue {
        guard !atEnd, current != "\n" else { throw fail("expected a value") }
        switch current {
        case "\"", "'":
            return .string(try string())
        case "[":
            advance()
            var items: [TOMLValue] = []
            while true {
                skipTrivia()
                guard !atEnd else { throw fail("unterminated array") }
                if current == "]" {
                    advance()
                    return .array(items)
                }
                items.append(try value())
                skipTrivia()
                guard !atEnd else { throw fail("unterminated array") }
                if current == "," {
                    advance()
                } else if current != "]" {
                    throw fail("expected ',' or ']' in the array")
                }
            }
        case "{":
            throw fail("inline tables are not supported; use a [table] header")
        default:
            var word = ""
            while !atEnd, !" \t\r\n,]#".unicodeScalars.contains(current) {
                word.unicodeScalars.append(current)
                advance()
            }
            if word == "true" { return .boolean(true) }
            if word == "false" { return .boolean(false) }
            let digits = word.replacingUnderscores
            if let n = Int(digits), !word.hasPrefix("_"), !word.hasSuffix("_"), !word.contains("__") {
                return .integer(n)
            }
            throw fail("unsupported value '\(word)' (expected a string, an integer, true, false or an array)")
        }
    }

    mutating func ensureTable(_ path: [String], headerLine: Int) throws(TOMLError) {
        try root.ensure(path[...], line: headerLine, fail: fail)
    }

    mutating func set(_ path: [String], _ v: TOMLValue, _ keyLine: Int) throws(TOMLError) {
        try root.set(path[...], v, line: keyLine, fail: fail)
    }
}

extension TOMLTable {
    fileprivate mutating func ensure(_ path: ArraySlice<String>, line: Int, fail: (String) -> TOMLError)
        throws(TOMLError)
    {
        guard let first = path.first else { return }
        var child: TOMLTable
        switch entries[first] {
        case nil:
            child = TOMLTable()
            child.line = line
            lines[first] = line
            order.append(first)
        case .table(let t): child = t
        default: throw fail("'\(first)' is already a value, not a table")
        }
        try child.ensure(path.dropFirst(), line: line, fail: fail)
        entries[first] = .table(child)
    }

    fileprivate mutating func set(
        _ path: ArraySlice<String>, _ v: TOMLValue, line: Int, fail: (String) -> TOMLError
    ) throws(TOMLError) {
        guard let first = path.first else { return }
        if path.count == 1 {
            if entries[first] != nil { throw fail("key '\(first)' is defined twice") }
            entries[first] = v
            lines[first] = line
            order.append(first)
            return
        }
        try ensure([first], line: line, fail: fail)
        guard case .table(var child) = entries[first] else { throw fail("'\(first)' is not a table") }
        try child.set(path.dropFirst(), v, line: line, fail: fail)
        entries[first] = .table(child)
    }
}

extension String {
    fileprivate var replacingUnderscores: String { String(filter { $0 != "_" }) }
}

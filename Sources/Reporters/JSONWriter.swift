/// Builds compact JSON text without Foundation's reflection, so output is fast,
/// byte-for-byte stable (keys in the order written) and never half-formed.
public struct JSONWriter {
    public private(set) var output: String = ""
    private var needsComma: [Bool] = [false]

    public init() {}

    private mutating func separator() {
        if needsComma[needsComma.count - 1] { output += "," }
        needsComma[needsComma.count - 1] = true
    }

    public mutating func beginObject() {
        separator()
        output += "{"
        needsComma.append(false)
    }

    public mutating func endObject() {
        needsComma.removeLast()
        output += "}"
    }

    public mutating func beginArray() {
        separator()
        output += "["
        needsComma.append(false)
    }

    public mutating func endArray() {
        needsComma.removeLast()
        output += "]"
    }

    /// Writes `"key":` — the value written next belongs to it.
    public mutating func key(_ key: String) {
        separator()
        JSONWriter.appendString(key, to: &output)
        output += ":"
        needsComma[needsComma.count - 1] = false
    }

    public mutating func value(_ s: String?) {
        separator()
        if let s { JSONWriter.appendString(s, to: &output) } else { output += "null" }
    }

    public mutating func value(_ n: Int?) {
        separator()
        if let n { output += String(n) } else { output += "null" }
    }

    public mutating func value(_ b: Bool) {
        separator()
        output += b ? "true" : "false"
    }

    public mutating func field(_ k: String, _ s: String?) {
        key(k)
        value(s)
    }

    public mutating func field(_ k: String, _ n: Int?) {
        key(k)
        value(n)
    }

    public mutating func field(_ k: String, _ b: Bool) {
        key(k)
        value(b)
    }

    /// Appends `s` as a JSON string literal (RFC 8259 escapes). Runs of bytes that
    /// need no escape are appended whole: statement texts make up most of a report.
    public static func appendString(_ s: String, to out: inout String) {
        out += "\""
        let utf8 = s.utf8
        var runStart = utf8.startIndex
        var i = runStart
        while i != utf8.endIndex {
            let byte = utf8[i]
            // Escapes are all ASCII, so every run ends on a scalar boundary.
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                utf8.formIndex(after: &i)
                continue
            }
            if runStart != i { out += s[runStart..<i] }
            switch byte {
            case UInt8(ascii: "\""): out += "\\\""
            case UInt8(ascii: "\\"): out += "\\\\"
            case UInt8(ascii: "\n"): out += "\\n"
            case UInt8(ascii: "\r"): out += "\\r"
            case UInt8(ascii: "\t"): out += "\\t"
            default:
                let hex = String(byte, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
            utf8.formIndex(after: &i)
            runStart = i
        }
        if runStart != utf8.endIndex { out += s[runStart..<utf8.endIndex] }
        out += "\""
    }
}

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

    /// Appends `s` as a JSON string literal (RFC 8259 escapes).
    public static func appendString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

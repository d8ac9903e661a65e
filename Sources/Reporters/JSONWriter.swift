/// Builds compact JSON text without Foundation's reflection, so output is fast,
/// byte-for-byte stable (keys in the order written) and never half-formed.
///
/// The text is built as UTF-8 bytes: reports of large migrations run to many
/// megabytes, most of it statement texts copied through unchanged.
public struct JSONWriter {
    private var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]

    public init() {}

    /// The JSON written so far.
    public var output: String { String(decoding: bytes, as: UTF8.self) }

    /// The JSON written so far, as UTF-8.
    public var utf8: [UInt8] { bytes }

    /// Ends the document with a line break.
    public mutating func appendNewline() { bytes.append(UInt8(ascii: "\n")) }

    /// Room for `count` bytes, so a large report is not copied as it grows.
    public mutating func reserveCapacity(_ count: Int) { bytes.reserveCapacity(count) }

    /// Appends array elements another writer wrote at its top level (`{...},{...}`),
    /// so parts of a long array can be written apart, in parallel, and joined in order.
    public mutating func appendElements(_ elements: [UInt8]) {
        guard !elements.isEmpty else { return }
        separator()
        bytes.append(contentsOf: elements)
    }

    private mutating func separator() {
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    private mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    public mutating func beginObject() {
        separator()
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
    }

    public mutating func endObject() {
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func beginArray() {
        separator()
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
    }

    public mutating func endArray() {
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes `"key":` — the value written next belongs to it.
    public mutating func key(_ key: String) {
        separator()
        JSONWriter.appendString(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        needsComma[needsComma.count - 1] = false
    }

    public mutating func value(_ s: String?) {
        separator()
        if let s { JSONWriter.appendString(s, to: &bytes) } else { raw("null") }
    }

    public mutating func value(_ n: Int?) {
        separator()
        guard let n else { return raw("null") }
        if n < 0 || n > 9_999_999 { return bytes.append(contentsOf: String(n).utf8) }
        // Lines, columns and counts: digits written straight into the buffer.
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = n
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[i]) }
        }
    }

    public mutating func value(_ b: Bool) {
        separator()
        if b { raw("true") } else { raw("false") }
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

    /// Appends `s` as a JSON string literal (RFC 8259 escapes) to UTF-8 bytes. Runs
    /// of bytes that need no escape are copied whole; escapes are all ASCII, so
    /// every run ends on a scalar boundary.
    static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            var runStart = 0
            for i in 0..<utf8.count {
                let byte = utf8[i]
                if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") { continue }
                if runStart != i { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i])) }
                runStart = i + 1
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "\n"): out.append(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): out.append(UInt8(ascii: "r"))
                case UInt8(ascii: "\t"): out.append(UInt8(ascii: "t"))
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    out += [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
                }
            }
            if runStart != utf8.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        }
        out.append(UInt8(ascii: "\""))
    }
}

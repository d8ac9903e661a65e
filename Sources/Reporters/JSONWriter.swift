/// Builds compact JSON text without Foundation's reflection, so output is fast,
/// byte-for-byte stable (keys in the order written) and never half-formed.
///
/// The text is built as UTF-8 bytes: reports of large migrations run to many
/// megabytes, most of it statement texts copied through unchanged.
public struct JSONWriter {
    private var bytes: [UInt8] = []
    /// Whether the value written next at each open level needs a comma first.
    private var needsComma = CommaStack()

    public init() {}

    /// A writer that goes on inside an object that already has fields: its output
    /// starts with a comma and may end the object.
    public init(continuingObject: Void) { needsComma.push(true) }

    /// A writer that goes on inside an array, itself a field of an object, that
    /// already has elements: its output may end the array and add fields.
    public init(continuingArray: Void) {
        needsComma.push(true)
        needsComma.push(true)
    }

    /// Room for `count` more bytes (a caller that knows about how long its
    /// output will be spares the buffer its growing steps).
    public mutating func reserveCapacity(_ count: Int) { bytes.reserveCapacity(bytes.count + count) }

    /// The JSON written so far.
    public var output: String { String(decoding: bytes, as: UTF8.self) }

    /// The JSON written so far, as UTF-8.
    public var utf8: [UInt8] { bytes }

    /// Ends the document with a line break.
    public mutating func appendNewline() { bytes.append(UInt8(ascii: "\n")) }

    private mutating func separator() {
        if needsComma.top { bytes.append(UInt8(ascii: ",")) }
        needsComma.top = true
    }

    private mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    public mutating func beginObject() {
        separator()
        bytes.append(UInt8(ascii: "{"))
        needsComma.push(false)
    }

    public mutating func endObject() {
        needsComma.pop()
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func beginArray() {
        separator()
        bytes.append(UInt8(ascii: "["))
        needsComma.push(false)
    }

    public mutating func endArray() {
        needsComma.pop()
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes `"key":` — the value written next belongs to it. Keys are literals
    /// of the report's format, which need no escapes.
    public mutating func key(_ key: StaticString) {
        separator()
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma.top = false
    }

    /// Writes `"key":` and a value another writer wrote whole (`[1,2]`, `{"a":1}`).
    public mutating func field(_ k: StaticString, json value: [UInt8]) {
        key(k)
        separator()
        bytes.append(contentsOf: value)
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

    public mutating func field(_ k: StaticString, _ s: String?) {
        key(k)
        value(s)
    }

    public mutating func field(_ k: StaticString, _ n: Int?) {
        key(k)
        value(n)
    }

    public mutating func field(_ k: StaticString, _ b: Bool) {
        key(k)
        value(b)
    }

    /// Eight bytes (the first in the lowest bits) with the high bit set in each
    /// that is below 0x20, a quote or a backslash: the classic "has a zero byte"
    /// bit tricks, exact up to the first such byte (a match may also mark a byte
    /// after it, never one before). Zero when none needs an escape; bytes of
    /// 0x80 and above are left alone.
    @inline(__always)
    static func escapeMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func zeros(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let below = (word &- ones &* 0x20) & ~word & highs
        return below | zeros(word ^ (ones &* 0x22)) | zeros(word ^ (ones &* 0x5C))
    }

    /// Appends `s` as a JSON string literal (RFC 8259 escapes) to UTF-8 bytes. Runs
    /// of bytes that need no escape are copied whole; escapes are all ASCII, so
    /// every run ends on a scalar boundary.
    static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return }
            let count = utf8.count
            var runStart = 0
            var i = 0
            while i < count {
                if i + 8 <= count {
                    // Eight bytes at a time while none needs an escape; then straight
                    // to the first that does (SQL texts escape a line break every
                    // few dozen bytes).
                    let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                    let mask = Self.escapeMask(word)
                    if mask == 0 {
                        i += 8
                        continue
                    }
                    i += mask.trailingZeroBitCount >> 3
                }
                // Control characters, the quote and the backslash need an escape.
                let byte = base[i]
                if byte >= 0x20 && byte != 0x22 && byte != 0x5C {
                    i += 1
                    continue
                }
                if runStart != i { out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: i - runStart)) }
                i += 1
                runStart = i
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "\n"): out.append(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): out.append(UInt8(ascii: "r"))
                case UInt8(ascii: "\t"): out.append(UInt8(ascii: "t"))
                default:
                    let hex: StaticString = "0123456789abcdef"
                    hex.withUTF8Buffer { digits in
                        out += [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), digits[Int(byte >> 4)], digits[Int(byte & 0xF)]]
                    }
                }
            }
            if runStart != count { out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: count - runStart)) }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// One flag per open level of a JSON document, the outermost (the document
/// itself) first, kept as bits: a writer is made for every statement of a
/// report, and an array of flags was an allocation each. Levels past 64 (no
/// report nests that deep) go to an array.
struct CommaStack {
    /// The innermost level's flag, asked and set for every key and value.
    var top = false
    /// The flags of the levels around it, the outermost (bit 0) first.
    private var saved: UInt64 = 0
    /// Open levels, the document's included.
    private var depth = 1
    private var deeper: [Bool] = []

    mutating func push(_ flag: Bool) {
        let level = depth - 1
        if level < 64 {
            if top { saved |= 1 << UInt64(level) } else { saved &= ~(1 << UInt64(level)) }
        } else {
            deeper.append(top)
        }
        depth += 1
        top = flag
    }

    /// Closes the innermost level (never the document's).
    mutating func pop() {
        guard depth > 1 else { return }
        depth -= 1
        let level = depth - 1
        if level < 64 {
            top = saved & (1 << UInt64(level)) != 0
        } else {
            top = deeper.popLast() ?? false
        }
    }
}

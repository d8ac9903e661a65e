import SQLSyntax

/// Decodes the value of string-literal tokens: `'it''s'`, `E'\n'`, `U&'\0041'`,
/// `$tag$...$tag$`, and PostgreSQL's continuation of `'a'` newline `'b'`.
enum StringLiteral {
    static func value(of t: Token, in source: UnsafeBufferPointer<UInt8>, unicodeEscape: Character = "\\") -> String {
        let start = Int(t.start)
        let end = Int(t.end)
        switch t.kind {
        case .dollarString:
            // Skip `$tag$` at both ends.
            var i = start + 1
            while i < end && source[i] != UInt8(ascii: "$") { i += 1 }
            let tagLength = i + 1 - start
            let bodyStart = min(start + tagLength, end)
            let bodyEnd = max(bodyStart, end - tagLength)
            return String(decoding: UnsafeBufferPointer(rebasing: source[bodyStart..<bodyEnd]), as: UTF8.self)
        case .string, .escapeString, .unicodeString, .bitString, .hexString:
            var i = start
            while i < end && source[i] != UInt8(ascii: "'") { i += 1 }  // skip a prefix
            let pieces = quotedPieces(i, end, source)
            // Most literals are one plain piece without a doubled quote: their bytes are the value.
            if t.kind == .string, pieces.count == 1, let (s, e) = pieces.first {
                let body = UnsafeBufferPointer(rebasing: source[s..<e])
                if !body.contains(UInt8(ascii: "'")) { return String(decoding: body, as: UTF8.self) }
            }
            let escapes = t.kind == .escapeString
            var bytes: [UInt8] = []
            for (s, e) in pieces {
                var j = s
                while j < e {
                    let b = source[j]
                    if b == UInt8(ascii: "'") && j + 1 < e && source[j + 1] == UInt8(ascii: "'") {
                        bytes.append(b)
                        j += 2
                    } else if escapes && b == UInt8(ascii: "\\") && j + 1 < e {
                        j = appendEscape(source, j + 1, e, &bytes)
                    } else {
                        bytes.append(b)
                        j += 1
                    }
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            return t.kind == .unicodeString ? decodeUnicodeEscapes(text, escape: unicodeEscape) : text
        default:
            return String(decoding: UnsafeBufferPointer(rebasing: source[start..<end]), as: UTF8.self)
        }
    }

    /// The byte ranges inside the quotes of each continued piece.
    private static func quotedPieces(_ start: Int, _ end: Int, _ source: UnsafeBufferPointer<UInt8>) -> [(Int, Int)] {
        var pieces: [(Int, Int)] = []
        var i = start
        while i < end {
            guard source[i] == UInt8(ascii: "'") else {
                i += 1
                continue
            }
            let bodyStart = i + 1
            var j = bodyStart
            while j < end {
                if source[j] == UInt8(ascii: "'") {
                    if j + 1 < end && source[j + 1] == UInt8(ascii: "'") {
                        j += 2
                        continue
                    }
                    break
                }
                if source[j] == UInt8(ascii: "\\") && j + 1 < end { j += 1 }
                j += 1
            }
            pieces.append((bodyStart, min(j, end)))
            i = j + 1
            // Skip whitespace and comments up to the next quote of a continuation.
            while i < end && source[i] != UInt8(ascii: "'") {
                if source[i] == UInt8(ascii: "-") && i + 1 < end && source[i + 1] == UInt8(ascii: "-") {
                    while i < end && source[i] != 10 { i += 1 }
                } else {
                    i += 1
                }
            }
        }
        return pieces
    }

    private static func appendEscape(_ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int, _ out: inout [UInt8]) -> Int {
        let c = s[i]
        switch c {
        case UInt8(ascii: "n"): out.append(10); return i + 1
        case UInt8(ascii: "t"): out.append(9); return i + 1
        case UInt8(ascii: "r"): out.append(13); return i + 1
        case UInt8(ascii: "b"): out.append(8); return i + 1
        case UInt8(ascii: "f"): out.append(12); return i + 1
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            var value = 0
            var j = i
            while j < end && j < i + 3, s[j] >= 48 && s[j] <= 55 {
                value = value * 8 + Int(s[j] - 48)
                j += 1
            }
            out.append(UInt8(truncatingIfNeeded: value))
            return j
        case UInt8(ascii: "x"):
            var value = 0
            var j = i + 1
            while j < end && j < i + 3, let d = hexValue(s[j]) {
                value = value * 16 + d
                j += 1
            }
            out.append(UInt8(truncatingIfNeeded: value))
            return j
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let digits = c == UInt8(ascii: "u") ? 4 : 8
            var value: UInt32 = 0
            var j = i + 1
            while j < end && j < i + 1 + digits, let d = hexValue(s[j]) {
                value = value * 16 + UInt32(d)
                j += 1
            }
            if let scalar = Unicode.Scalar(value) { out.append(contentsOf: Array(String(Character(scalar)).utf8)) }
            return j
        default:
            out.append(c)
            return i + 1
        }
    }

    private static func hexValue(_ b: UInt8) -> Int? {
        switch b {
        case 48...57: return Int(b - 48)
        case 65...70: return Int(b - 55)
        case 97...102: return Int(b - 87)
        default: return nil
        }
    }

    /// Applies `\XXXX` and `\+XXXXXX` escapes of `U&` literals.
    static func decodeUnicodeEscapes(_ text: String, escape: Character) -> String {
        guard text.contains(escape) else { return text }
        var out = ""
        var chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == escape, i + 1 < chars.count {
                if chars[i + 1] == escape {
                    out.append(escape)
                    i += 2
                    continue
                }
                let plus = chars[i + 1] == "+"
                let digits = plus ? 6 : 4
                let from = i + (plus ? 2 : 1)
                if from + digits <= chars.count, let v = UInt32(String(chars[from..<from + digits]), radix: 16),
                    let scalar = Unicode.Scalar(v)
                {
                    out.unicodeScalars.append(scalar)
                    i = from + digits
                    continue
                }
            }
            out.append(c)
            i += 1
        }
        chars.removeAll()
        return out
    }
}

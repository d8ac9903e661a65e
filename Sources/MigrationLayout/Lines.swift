#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One line of a file, by byte offsets.
struct Line {
    /// 1-based.
    var number: Int
    /// Offset of the first byte.
    var start: Int
    /// Offset just past the last byte before the line break (a `\r` before `\n` excluded).
    var end: Int
    /// Offset of the next line's first byte (past the `\n`), or the file's end.
    var next: Int
}

/// The lines of a byte buffer, split at `\n`. Works on any bytes; nothing is decoded.
struct Lines: Sequence {
    let bytes: [UInt8]

    func makeIterator() -> AnyIterator<Line> {
        var offset = 0
        var number = 0
        let bytes = self.bytes
        return AnyIterator {
            guard offset < bytes.count else { return nil }
            number += 1
            let start = offset
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let next = end < bytes.count ? end + 1 : end
            if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            offset = next
            return Line(number: number, start: start, end: end, next: next)
        }
    }
}

extension Line {
    /// Whether the line holds only spaces and tabs.
    func isBlank(in bytes: [UInt8]) -> Bool {
        bytes[start..<end].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// Whether the line, after leading spaces and tabs, starts a `--` comment.
    func isComment(in bytes: [UInt8]) -> Bool {
        let text = bytes[start..<end].drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        return text.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")])
    }

    /// The text after a `--` at the very start of the line, trimmed and with runs of
    /// white space made single spaces; `nil` when the line does not start with `--`.
    /// Only comment lines are decoded, so scanning a large file stays cheap.
    func commentText(in bytes: [UInt8]) -> String? {
        guard end - start >= 2, bytes[start] == UInt8(ascii: "-"), bytes[start + 1] == UInt8(ascii: "-") else {
            return nil
        }
        let text = String(decoding: bytes[(start + 2)..<end], as: UTF8.self)
        return text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}

/// Quick byte searches that tell a file cannot hold a marker before its lines are read.
enum ByteSearch {
    /// Whether `bytes` contain `needle` with ASCII letters in any case. The first
    /// byte of `needle` must not be a letter (it is found with `memchr`).
    static func contains(_ bytes: [UInt8], caseInsensitive needle: StaticString) -> Bool {
        needle.withUTF8Buffer { pattern in
            guard let first = pattern.first else { return true }
            return bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress, buffer.count >= pattern.count else { return false }
                var from = 0
                while from + pattern.count <= buffer.count {
                    guard let hit = memchr(base + from, Int32(first), buffer.count - from) else { return false }
                    let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    guard i + pattern.count <= buffer.count else { return false }
                    var k = 1
                    while k < pattern.count && lower(buffer[i + k]) == lower(pattern[k]) { k += 1 }
                    if k == pattern.count { return true }
                    from = i + 1
                }
                return false
            }
        }
    }

    /// Whether `bytes` contain `needle` exactly.
    static func contains(_ bytes: [UInt8], _ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { pattern in
            guard let first = pattern.baseAddress, !pattern.isEmpty else { return true }
            return bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return false }
                var from = 0
                while from + pattern.count <= buffer.count {
                    guard let hit = memchr(base + from, Int32(first.pointee), buffer.count - from) else { return false }
                    let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    guard i + pattern.count <= buffer.count else { return false }
                    if memcmp(base + i, first, pattern.count) == 0 { return true }
                    from = i + 1
                }
                return false
            }
        }
    }

    @inline(__always)
    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}

extension StringProtocol {
    /// Without the spaces and tabs at either end (what `CharacterSet.whitespaces`
    /// trims: tabs and the Unicode space separators).
    func trimmingBlanks() -> SubSequence {
        func isBlank(_ c: Character) -> Bool {
            c == "\t" || c.unicodeScalars.allSatisfy { $0.properties.generalCategory == .spaceSeparator }
        }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return self[endIndex..<endIndex]
        }
        return self[first...last]
    }

    /// Without the quotes (`"` and `'`) at either end.
    func trimmingQuotes() -> SubSequence {
        let isQuote: (Character) -> Bool = { $0 == "\"" || $0 == "'" }
        guard let first = firstIndex(where: { !isQuote($0) }), let last = lastIndex(where: { !isQuote($0) }) else {
            return self[endIndex..<endIndex]
        }
        return self[first...last]
    }
}

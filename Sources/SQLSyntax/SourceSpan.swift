#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A half-open range of UTF-8 byte offsets into one source file.
///
/// Spans are bytes, not characters: line and column are computed only when a
/// diagnostic is rendered (see `LineTable`).
public struct SourceSpan: Hashable, Sendable, Comparable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    /// A span that covers both `self` and `other`.
    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(start: Swift.min(start, other.start), end: Swift.max(end, other.end))
    }

    public var length: Int { end - start }

    public static func < (lhs: SourceSpan, rhs: SourceSpan) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    public static let zero = SourceSpan(start: 0, end: 0)
}

/// A 1-based line and column; the column counts Unicode scalars.
public struct SourceLocation: Hashable, Sendable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// Converts byte offsets to 1-based lines and columns.
///
/// Columns count Unicode scalars from the start of the line, the way editors
/// and PostgreSQL's error cursor count them.
public struct LineTable: Sendable {
    /// Byte offset at which each line starts.
    public let lineStarts: [Int]
    private let bytes: [UInt8]

    public init(_ bytes: [UInt8]) {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        // Line feeds found with `memchr`, which reads many bytes a step.
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                offset = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base + 1
                starts.append(offset)
            }
        }
        self.lineStarts = starts
        self.bytes = bytes
    }

    public func location(of offset: Int) -> SourceLocation {
        let offset = Swift.max(0, Swift.min(offset, bytes.count))
        var lo = 0
        var hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        var column = 1
        var i = lineStarts[lo]
        while i < offset {
            // Count scalars: skip UTF-8 continuation bytes.
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        // A continuation byte at `offset` itself belongs to the previous scalar.
        return SourceLocation(line: lo + 1, column: column)
    }

    /// The text of the 1-based line `line`, without its line break.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<Swift.max(start, end)], as: UTF8.self)
    }
}

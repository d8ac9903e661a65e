import SQLSyntax

/// The bytes of one input file with its name and a line table, so that any span
/// can be shown as `file:line:column` with the line's text.
public struct SourceFile: Sendable {
    /// The path as the user gave it (never made absolute, so output is stable).
    public let path: String
    public let bytes: [UInt8]
    public let lines: LineTable

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.lines = LineTable(bytes)
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    public func location(of offset: Int) -> SourceLocation { lines.location(of: offset) }

    /// The source text of `span`, with invalid UTF-8 replaced.
    public func text(_ span: SourceSpan) -> String {
        let start = max(0, min(span.start, bytes.count))
        let end = max(start, min(span.end, bytes.count))
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

/// A name as PostgreSQL resolves it: folded to lower case unless it was quoted.
public struct Identifier: Hashable, Sendable {
    /// The name after case folding and unquoting.
    public var value: String
    /// Whether it was written in quotes (and so kept its case).
    public var quoted: Bool
    public var span: SourceSpan

    public init(_ value: String, quoted: Bool = false, span: SourceSpan = .zero) {
        self.value = value
        self.quoted = quoted
        self.span = span
    }
}

/// A dotted name: `name`, `schema.name`, `catalog.schema.name`, or for columns
/// `table.column` and `schema.table.column`.
public struct QualifiedName: Hashable, Sendable {
    public var parts: [Identifier]
    public var span: SourceSpan

    public init(_ parts: [Identifier], span: SourceSpan? = nil) {
        self.parts = parts
        self.span = span ?? parts.first.map { first in first.span.union(parts.last?.span ?? first.span) } ?? .zero
    }

    /// Builds an unquoted name from dotted text, for tests and built-in names.
    public init(dotted: String) {
        self.init(dotted.split(separator: ".").map { Identifier(String($0)) })
    }

    /// The last part: the object's own name.
    public var name: String { parts.last?.value ?? "" }
    /// The part before the last, when there is one (the schema of a relation).
    public var qualifier: String? { parts.count >= 2 ? parts[parts.count - 2].value : nil }
    /// `a.b.c` as written after folding.
    public var dotted: String { parts.map(\.value).joined(separator: ".") }

    /// Whether `other` is the same name as written (parts and their quoting),
    /// wherever it was written.
    public func isSpelled(like other: QualifiedName) -> Bool {
        parts.count == other.parts.count
            && zip(parts, other.parts).allSatisfy { $0.value == $1.value && $0.quoted == $1.quoted }
    }
}

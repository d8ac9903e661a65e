import SQLSyntax

/// How serious a finding is. Ordered: `info < warning < error`.
public enum Severity: String, Sendable, Hashable, Comparable, Codable, CaseIterable {
    case info
    case warning
    case error

    private var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A finding as data: what, where (an exact byte span in one file), how bad, and
/// what to do. Only reporters turn it into text.
public struct Diagnostic: Sendable, Hashable {
    /// A stable kebab-case id, such as `syntax-error` or a rule id.
    public var id: String
    public var severity: Severity
    public var message: String
    /// The file the span points into, as the user named it.
    public var file: String
    public var span: SourceSpan
    /// Extra locations or remarks that explain the finding.
    public var notes: [Note]
    /// What to do instead.
    public var help: String?

    public init(
        id: String, severity: Severity, message: String, file: String, span: SourceSpan,
        notes: [Note] = [], help: String? = nil
    ) {
        self.id = id
        self.severity = severity
        self.message = message
        self.file = file
        self.span = span
        self.notes = notes
        self.help = help
    }

    public struct Note: Sendable, Hashable {
        public var message: String
        public var file: String?
        public var span: SourceSpan?
        public init(message: String, file: String? = nil, span: SourceSpan? = nil) {
            self.message = message
            self.file = file
            self.span = span
        }
    }
}

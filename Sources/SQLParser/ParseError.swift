import SQLSyntax

/// Why a statement could not be parsed.
public struct ParseError: Error, Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        /// The input is not valid SQL here.
        case syntax
        /// Valid as far as we know, but a form this parser does not model in full;
        /// the statement falls back to `.other` with no error.
        case unsupported
        /// Nesting deeper than the parser allows (protects the stack).
        case tooDeep
    }
    public var reason: Reason
    public var message: String
    public var span: SourceSpan

    public init(_ reason: Reason, _ message: String, span: SourceSpan) {
        self.reason = reason
        self.message = message
        self.span = span
    }
}

import Diagnostics
import SQLParser
import SQLSyntax

/// Replays SQL files onto a catalog, statement by statement, the way the server
/// would run them, stopping at the first statement the server would refuse.
public struct Replay: Sendable {
    public private(set) var catalog: Catalog
    /// The first refusal: which file, which statement, and why.
    public private(set) var failure: Failure?
    /// How many statements were applied.
    public private(set) var applied = 0

    public struct Failure: Sendable, Hashable {
        public var file: String
        public var statementSpan: SourceSpan
        /// nil for a syntax error.
        public var error: CatalogError?
        public var syntaxError: ParseError?
        public var line: Int
        public var column: Int

        public var message: String {
            if let error { return error.description }
            return syntaxError?.message ?? "syntax error"
        }
        public var sqlState: String { error?.sqlState ?? CatalogError.syntaxError }
    }

    public init(catalog: Catalog) {
        self.catalog = catalog
    }

    /// Applies every statement of `file` (or its `range`, for a goose Up section);
    /// returns false once something was refused (later calls do nothing).
    @discardableResult
    public mutating func apply(_ file: SourceFile, range: Range<Int>? = nil) -> Bool {
        guard failure == nil else { return false }
        let parser = SQLParser(dialect: catalog.dialect)
        let bytes: [UInt8]
        var offset = 0
        if let range, range.lowerBound >= 0, range.upperBound <= file.bytes.count {
            // Blank out what is outside the range so that offsets stay the file's own.
            bytes = file.bytes.enumerated().map { range.contains($0.offset) || $0.element == 10 ? $0.element : 32 }
            offset = 0
        } else {
            bytes = file.bytes
        }
        let parsed = parser.parse(bytes)
        let source = ReplaySource(file)
        for statement in parsed.statements {
            guard let tree = statement.statement else {
                fail(file, statement.span, nil, statement.error)
                return false
            }
            do {
                try catalog.apply(tree, from: source)
                applied += 1
            } catch {
                fail(file, statement.span, error, nil)
                return false
            }
        }
        _ = offset
        return true
    }

    private mutating func fail(_ file: SourceFile, _ span: SourceSpan, _ error: CatalogError?, _ syntax: ParseError?) {
        let at = error?.span?.start ?? syntax?.span.start ?? span.start
        let location = file.location(of: at)
        failure = Failure(
            file: file.path, statementSpan: span, error: error, syntaxError: syntax, line: location.line, column: location.column)
    }
}

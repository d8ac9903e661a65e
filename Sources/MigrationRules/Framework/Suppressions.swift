import Diagnostics
import SQLSyntax

/// One `-- switchgate:ignore` or `-- switchgate:ignore-file` comment.
public struct Suppression: Sendable, Hashable {
    public enum Scope: Sendable, Hashable {
        /// Applies to the statement that follows the comment (its index in the analysis).
        case statement(Int)
        /// Applies to the whole file.
        case file
        /// A statement comment with no statement after it.
        case nothing
    }
    public var ruleIDs: [String]
    public var reason: String
    public var scope: Scope
    /// The comment itself.
    public var span: SourceSpan
    public var line: Int
}

/// The suppression comments of one file.
public struct FileSuppressions: Sendable, Hashable {
    public var all: [Suppression]

    public func applies(_ ruleID: String, toStatement index: Int) -> [Int] {
        all.indices.filter { i in
            guard all[i].ruleIDs.contains(ruleID) else { return false }
            switch all[i].scope {
            case .file: return true
            case .statement(let s): return s == index
            case .nothing: return false
            }
        }
    }
}

/// Reads suppression comments, squawk-style (`-- squawk-ignore`), with our prefix:
///
///     -- switchgate:ignore require-concurrent-index-creation,require-lock-timeout the table has 12 rows
///     CREATE INDEX ...;
///     -- switchgate:ignore-file prefer-text-field
///
/// A statement comment applies to the next statement when nothing but comments and
/// blank lines stand between them.
enum Suppressions {
    static let statementPrefix = "switchgate:ignore"
    static let filePrefix = "switchgate:ignore-file"
    private static let prefixBytes = Array(statementPrefix.utf8)

    /// Whether the comment's bytes hold `switchgate:ignore` at all: most comments
    /// of a history are prose, not worth a string of their own.
    static func mentionsPrefix(_ bytes: [UInt8], _ span: SourceSpan) -> Bool {
        let end = min(span.end, bytes.count)
        guard span.start >= 0, end - prefixBytes.count >= span.start else { return false }
        return bytes.withUnsafeBufferPointer { all in
            prefixBytes.withUnsafeBufferPointer { occurs($0, in: UnsafeBufferPointer(rebasing: all[span.start..<end])) }
        }
    }

    static func read(_ comments: [Comment], statements: [SourceSpan], source: SourceFile, firstIndex: Int)
        -> FileSuppressions
    {
        var found: [Suppression] = []
        for comment in comments where mentionsPrefix(source.bytes, comment.span) {
            var text = source.text(comment.span)
            switch comment.style {
            case .line: text = String(text.dropFirst(2))
            case .block: text = String(text.dropFirst(2).dropLast(2))
            }
            text = text.trimmingSpaces
            let isFile: Bool
            if text.hasPrefix(filePrefix) {
                isFile = true
                text = String(text.dropFirst(filePrefix.count))
            } else if text.hasPrefix(statementPrefix) {
                isFile = false
                text = String(text.dropFirst(statementPrefix.count))
            } else {
                continue
            }
            // "switchgate:ignored" is not ours.
            guard text.isEmpty || text.first == " " || text.first == "\t" else { continue }
            text = text.trimmingSpaces
            let (list, reason) = text.splitFirstWord
            let ids = list.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            let scope: Suppression.Scope
            if isFile {
                scope = .file
            } else if let next = statements.firstIndex(where: { $0.start >= comment.span.end }) {
                // Only comments may stand between: the previous statement must end before the comment.
                let previousEnd = next > 0 ? statements[next - 1].end : 0
                scope = previousEnd <= comment.span.start ? .statement(firstIndex + next) : .nothing
            } else {
                scope = .nothing
            }
            found.append(
                Suppression(
                    ruleIDs: ids, reason: reason, scope: scope, span: comment.span,
                    line: source.location(of: comment.span.start).line))
        }
        return FileSuppressions(all: found)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" || f == "\n" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" || l == "\n" { s.removeLast() }
        return String(s)
    }

    /// The first word and the rest, trimmed.
    var splitFirstWord: (String, String) {
        guard let space = firstIndex(where: { $0 == " " || $0 == "\t" }) else { return (self, "") }
        return (String(self[..<space]), String(self[space...]).trimmingSpaces)
    }
}

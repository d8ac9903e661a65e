#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SQLParser
import SQLSyntax

/// One `sqlite_schema.sql` text, parsed with switchgate's own SQLite parser.
///
/// SQLite's PRAGMAs say nothing about CHECK constraints, constraint names,
/// generated-column and index-key expressions, partial-index predicates or trigger
/// timing; only the stored CREATE text does. The PRAGMAs stay the truth for what
/// they do report; the text fills in the rest.
struct DefinitionText {
    let bytes: [UInt8]
    let parsed: ParsedFile
    /// The syntax tree of the first statement, when the parser read it.
    let node: StatementNode?

    init(_ sql: String) {
        bytes = Array(sql.utf8)
        parsed = SQLParser(dialect: .sqlite).parse(bytes)
        node = parsed.statements.first?.statement?.node
    }

    /// The source text of `span`.
    func text(_ span: SourceSpan) -> String {
        let start = max(0, min(span.start, bytes.count))
        let end = max(start, min(span.end, bytes.count))
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    var createTable: CreateTableStatement? {
        if case .createTable(let s)? = node { return s }
        return nil
    }

    var createIndex: CreateIndexStatement? {
        if case .createIndex(let s)? = node { return s }
        return nil
    }

    var createView: CreateViewStatement? {
        if case .createView(let s)? = node { return s }
        return nil
    }

    var createTrigger: CreateTriggerStatement? {
        if case .createTrigger(let s)? = node { return s }
        return nil
    }

    /// The name a token spells: quotes removed (`"a""b"`, `[a]`, `` `a` ``, `'a'`).
    func tokenName(_ token: Token) -> String {
        let raw = text(token.span)
        guard token.kind == .quotedIdentifier || token.kind == .string, let first = raw.first, raw.count >= 2 else {
            return raw
        }
        let close: Character = first == "[" ? "]" : first
        var inner = String(raw.dropFirst().dropLast())
        if close != "]" { inner = inner.replacingAll(String([close, close]), with: String(close)) }
        return inner
    }

    /// The columns of `columns` that identifier tokens inside `span` name, in order of
    /// first appearance, spelled as the table spells them (SQLite compares names
    /// without regard to ASCII case).
    func columnsMentioned(in span: SourceSpan, among columns: [String]) -> [String] {
        var byFolded: [String: String] = [:]
        for c in columns where byFolded[SQLiteName.folded(c)] == nil { byFolded[SQLiteName.folded(c)] = c }
        var found: [String] = []
        for token in parsed.tokens where token.start >= span.start && token.end <= span.end {
            guard token.kind == .identifier || token.kind == .quotedIdentifier else { continue }
            if let column = byFolded[SQLiteName.folded(tokenName(token))], !found.contains(column) {
                found.append(column)
            }
        }
        return found
    }

    /// The text after the last `WHERE` outside parentheses: a partial index's
    /// predicate, read from the tokens when the parser could not read the statement.
    var trailingWhereClause: String? {
        var depth = 0
        var whereEnd: Int?
        for token in parsed.tokens {
            switch token.kind {
            case .leftParen: depth += 1
            case .rightParen: depth -= 1
            case .identifier where depth == 0 && text(token.span).uppercased() == "WHERE": whereEnd = Int(token.end)
            default: break
            }
        }
        guard let whereEnd else { return nil }
        let last = parsed.tokens.last { $0.kind != .endOfInput && $0.kind != .semicolon }
        guard let last, Int(last.end) > whereEnd else { return nil }
        return text(SourceSpan(start: whereEnd, end: Int(last.end))).trimmingSpaces()
    }

    /// Bare words before the first `ON` outside parentheses, upper-cased: where a
    /// trigger's timing and event are, read from the tokens.
    var wordsBeforeOn: [String] {
        var words: [String] = []
        for token in parsed.tokens where token.kind == .identifier {
            let word = text(token.span).uppercased()
            if word == "ON" { break }
            words.append(word)
        }
        return words
    }
}

/// SQLite's rules for names.
enum SQLiteName {
    /// SQLite compares identifiers folding ASCII letters only (`sqlite3StrICmp`).
    static func folded(_ name: String) -> String {
        guard name.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return name }
        return String(decoding: name.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    static func same(_ a: String, _ b: String) -> Bool { folded(a) == folded(b) }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }

    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}

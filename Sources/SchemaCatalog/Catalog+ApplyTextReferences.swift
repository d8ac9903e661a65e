// Finding names inside SQL text the catalog keeps as text (defaults, CHECK
// expressions, index expressions, policies, a function's result type), where
// PostgreSQL would have a dependency on an object's OID.
//
// This is a token scan, not a parse: it is used only to find what a DROP would
// take along, and to carry a rename into the result-type text of functions.

/// One token of SQL text that can name something.
struct SQLTextToken {
    enum Kind { case identifier, dot, leftParen, comma, other }
    var kind: Kind
    /// Identifiers: the name, folded to lower case unless quoted.
    var value: String
    var range: Range<String.Index>
}

enum SQLTextScanner {
    /// Identifiers, dots, parentheses and commas; strings, numbers and operators
    /// become `.other`, comments are skipped.
    static func tokens(_ text: String) -> [SQLTextToken] {
        var out: [SQLTextToken] = []
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            let start = i
            if c.isWhitespace {
                i = text.index(after: i)
            } else if c == "-", text.index(after: i) < text.endIndex, text[text.index(after: i)] == "-" {
                while i < text.endIndex, text[i] != "\n" { i = text.index(after: i) }
            } else if c == "'" {
                i = text.index(after: i)
                while i < text.endIndex {
                    if text[i] == "'" {
                        let next = text.index(after: i)
                        if next < text.endIndex, text[next] == "'" {
                            i = text.index(after: next)
                            continue
                        }
                        i = next
                        break
                    }
                    i = text.index(after: i)
                }
                out.append(SQLTextToken(kind: .other, value: "", range: start..<i))
            } else if c == "\"" {
                var value = ""
                i = text.index(after: i)
                while i < text.endIndex {
                    if text[i] == "\"" {
                        let next = text.index(after: i)
                        if next < text.endIndex, text[next] == "\"" {
                            value.append("\"")
                            i = text.index(after: next)
                            continue
                        }
                        i = next
                        break
                    }
                    value.append(text[i])
                    i = text.index(after: i)
                }
                out.append(SQLTextToken(kind: .identifier, value: value, range: start..<i))
            } else if c == "$", let end = dollarQuoteEnd(text, from: i) {
                i = end
                out.append(SQLTextToken(kind: .other, value: "", range: start..<i))
            } else if c.isLetter || c == "_" {
                while i < text.endIndex, text[i].isLetter || text[i].isNumber || text[i] == "_" || text[i] == "$" {
                    i = text.index(after: i)
                }
                out.append(SQLTextToken(kind: .identifier, value: text[start..<i].lowercased(), range: start..<i))
            } else {
                i = text.index(after: i)
                let kind: SQLTextToken.Kind
                switch c {
                case ".": kind = .dot
                case "(": kind = .leftParen
                case ",": kind = .comma
                default: kind = .other
                }
                out.append(SQLTextToken(kind: kind, value: "", range: start..<i))
            }
        }
        return out
    }

    /// The end of a `$tag$ ... $tag$` string starting at `start`, if it is one.
    private static func dollarQuoteEnd(_ text: String, from start: String.Index) -> String.Index? {
        var i = text.index(after: start)
        while i < text.endIndex, text[i].isLetter || text[i] == "_" { i = text.index(after: i) }
        guard i < text.endIndex, text[i] == "$" else { return nil }
        let tag = text[start...i]
        let bodyStart = text.index(after: i)
        guard let close = find(tag, in: text[bodyStart...]) else { return text.endIndex }
        return close.upperBound
    }

    /// The first occurrence of `needle` in `text`.
    static func find<S: StringProtocol>(_ needle: S, in text: S) -> Range<String.Index>? where S.Index == String.Index {
        guard !needle.isEmpty else { return nil }
        var i = text.startIndex
        while i < text.endIndex {
            if text[i...].hasPrefix(needle) {
                return i..<text.index(i, offsetBy: needle.count)
            }
            i = text.index(after: i)
        }
        return nil
    }

    /// Names written as `[schema.]name` in `tokens`: the qualifier, the name, and
    /// the token range they cover; names that are part of a longer dotted chain
    /// (`a.b.c`) are reported by their last two parts.
    static func names(_ tokens: [SQLTextToken]) -> [(qualifier: String?, name: String, first: Int, last: Int)] {
        var out: [(String?, String, Int, Int)] = []
        var i = 0
        while i < tokens.count {
            guard tokens[i].kind == .identifier else {
                i += 1
                continue
            }
            var end = i
            while end + 2 < tokens.count, tokens[end + 1].kind == .dot, tokens[end + 2].kind == .identifier {
                end += 2
            }
            if end == i {
                out.append((nil, tokens[i].value, i, i))
            } else {
                out.append((tokens[end - 2].value, tokens[end].value, end - 2, end))
            }
            i = end + 1
        }
        return out
    }

    /// Whether `text` calls a function named `key.name` (unqualified, or qualified
    /// with `key.schema`).
    static func callsFunction(_ text: String, _ key: ObjectKey) -> Bool {
        callsFunction(text, key, needle: needle(key.name))
    }

    /// `callsFunction` with the name's `needle` made once for many texts.
    static func callsFunction(_ text: String, _ key: ObjectKey, needle: [UInt8]) -> Bool {
        // Most expressions do not even spell the name: no need to tokenize them.
        guard mayMention(text, needle: needle) else { return false }
        let tokens = tokens(text)
        for n in names(tokens) where n.name == key.name && (n.qualifier == nil || n.qualifier == key.schema) {
            if n.last + 1 < tokens.count, tokens[n.last + 1].kind == .leftParen { return true }
        }
        return false
    }

    /// Whether `name` occurs in `text`, ignoring ASCII case (a quick test before
    /// tokenizing; a match may still be inside a string or a longer word).
    static func mayMention(_ text: String, _ name: String) -> Bool {
        mayMention(text, needle: needle(name))
    }

    /// A name as `mayMention` looks for it (ASCII case folded).
    static func needle(_ name: String) -> [UInt8] { Array(name.utf8).map(folded) }

    static func mayMention(_ text: String, needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        var found = false
        text.utf8.withContiguousStorageIfAvailable { haystack in
            guard haystack.count >= needle.count else { return }
            var i = 0
            let last = haystack.count - needle.count
            while i <= last {
                if folded(haystack[i]) == first {
                    var j = 1
                    while j < needle.count && folded(haystack[i + j]) == needle[j] { j += 1 }
                    if j == needle.count {
                        found = true
                        return
                    }
                }
                i += 1
            }
        } ?? { found = true }()
        return found
    }

    /// A byte with ASCII upper case folded to lower case.
    static func folded(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }

    /// `text` with every call of function `from` renamed to `to`; unqualified
    /// calls become qualified when `qualify` (the new schema is off the search
    /// path, as PostgreSQL would print them).
    static func renamingFunctionCalls(_ text: String, _ from: ObjectKey, to: ObjectKey, qualify: Bool = false) -> String {
        if !from.name.utf8.contains(UInt8(ascii: "\"")), !mayMention(text, from.name) { return text }
        let tokens = tokens(text)
        var result = text
        for n in names(tokens).reversed()
        where n.name == from.name && (n.qualifier == nil || n.qualifier == from.schema)
            && n.last + 1 < tokens.count && tokens[n.last + 1].kind == .leftParen
        {
            let spelled =
                n.qualifier == nil && !qualify
                ? SQLName.quoted(to.name) : SQLName.quoted(to.schema) + "." + SQLName.quoted(to.name)
            result.replaceSubrange(tokens[n.first].range.lowerBound..<tokens[n.last].range.upperBound, with: spelled)
        }
        return result
    }
}

/// User types named in a function's result text, as `ColumnType.sql` spells them:
/// unqualified for `public`, `schema.name` otherwise; in `TABLE(name type, ...)`
/// the column names are skipped.
enum TypeMentions {
    private static func typeNames(_ text: String) -> [(key: ObjectKey, first: Int, last: Int)] {
        let tokens = SQLTextScanner.tokens(text)
        var columnNamePositions: Set<Int> = []
        if let first = tokens.first, first.kind == .identifier, first.value == "table" {
            for (i, t) in tokens.enumerated() where (t.kind == .leftParen || t.kind == .comma) && i + 1 < tokens.count {
                columnNamePositions.insert(i + 1)
            }
        }
        return SQLTextScanner.names(tokens).compactMap { n in
            if columnNamePositions.contains(n.first) { return nil }
            return (ObjectKey(n.qualifier ?? "public", n.name), n.first, n.last)
        }
    }

    static func mentions(_ text: String, _ key: ObjectKey) -> Bool {
        // Most texts do not even spell the name (a quoted name with a doubled
        // quote inside is spelled otherwise: those are always tokenized).
        if !key.name.utf8.contains(UInt8(ascii: "\"")), !SQLTextScanner.mayMention(text, key.name) { return false }
        return typeNames(text).contains { $0.key == key }
    }

    /// `text` with each user type `k` re-spelled as `transform(k)`.
    static func rewrite(_ text: String, _ transform: (ObjectKey) -> ObjectKey) -> String {
        let tokens = SQLTextScanner.tokens(text)
        var result = text
        for n in typeNames(text).reversed() {
            let new = transform(n.key)
            guard new != n.key else { continue }
            let spelled =
                new.schema == "public" || new.schema == "pg_catalog"
                ? SQLName.quoted(new.name) : SQLName.quoted(new.schema) + "." + SQLName.quoted(new.name)
            result.replaceSubrange(tokens[n.first].range.lowerBound..<tokens[n.last].range.upperBound, with: spelled)
        }
        return result
    }
}
